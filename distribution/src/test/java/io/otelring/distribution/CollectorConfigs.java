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

  /**
   * Components that configs of the stack use and that are being built in parallel: a problem that
   * only says the registry lacks one of them is expected until it lands, and not after.
   */
  private static final Map<Kind, List<String>> ON_THEIR_WAY =
      Map.of(Kind.EXPORTER, List.of("otlp"), Kind.PROCESSOR, List.of("memory_limiter"));

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

  /**
   * The config is valid, except, while they are not in the registry yet, for components on their
   * way: then the only problems allowed are "unknown type" for exactly those.
   */
  static void assertValidAsFarAsBuilt(String yaml) {
    List<String> problems = problems(yaml);
    List<String> missing =
        ON_THEIR_WAY.entrySet().stream()
            .flatMap(e -> e.getValue().stream().filter(type -> !registered(e.getKey(), type)))
            .toList();
    assertThat(problems)
        .as("problems of\n%s", yaml)
        .allSatisfy(
            problem ->
                assertThat(missing)
                    .as("only components still on their way may be unknown: %s", problem)
                    .anySatisfy(
                        type -> assertThat(problem).contains("unknown type \"" + type + "\"")));
  }

  static boolean registered(Kind kind, String type) {
    return BuiltInComponents.factories().find(kind, type).isPresent();
  }
}
