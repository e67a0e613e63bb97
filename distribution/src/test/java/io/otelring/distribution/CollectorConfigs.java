package io.otelring.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelring.collector.BuiltInComponents;
import io.otelring.collector.Collector;
import io.otelring.core.component.Kind;
import io.otelring.core.config.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Checks a collector config the way {@code otelring validate --config FILE} does, in-process: the
 * same loader, the same registry. Environment references that Kubernetes fills in ({@code
 * ${env:MY_POD_IP}}) are given a pod's value first.
 */
final class CollectorConfigs {

  /** What the kubelet would put in the pod's environment. */
  static final Map<String, String> POD_ENVIRONMENT = Map.of("MY_POD_IP", "10.42.0.17");

  private CollectorConfigs() {}

  /** Every problem {@code otelring validate} reports for this YAML; empty when it is valid. */
  static List<String> problems(String yaml) {
    String expanded = yaml;
    for (Map.Entry<String, String> variable : POD_ENVIRONMENT.entrySet()) {
      expanded = expanded.replace("${env:" + variable.getKey() + "}", variable.getValue());
    }
    try {
      Path file = Files.createTempFile("otelring-config", ".yaml");
      try {
        Files.writeString(file, expanded);
        Collector.load(List.of(file.toString()));
        return List.of();
      } catch (ConfigException e) {
        return e.problems();
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The config is valid: {@code otelring validate} would print "ok". */
  static void assertValid(String yaml) {
    assertThat(problems(yaml)).as("problems of\n%s", yaml).isEmpty();
  }

  static boolean registered(Kind kind, String type) {
    return BuiltInComponents.factories().find(kind, type).isPresent();
  }
}
