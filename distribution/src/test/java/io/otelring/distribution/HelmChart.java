package io.otelring.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders {@code helm/otelring} with Helm itself (helm-java bundles the Helm library), as {@code
 * helm template} with a release name, a namespace, {@code --set}s and {@code -f} files would.
 */
final class HelmChart {

  /** The release and namespace of the install command. */
  static final String RELEASE = "opentelemetry-collector-traces";

  static final String NAMESPACE = "telemetry";

  private static final YAMLMapper YAML = new YAMLMapper();

  private final Map<String, Object> sets = new LinkedHashMap<>();
  private final List<Path> valuesFiles = new ArrayList<>();

  static Path path() {
    return Checkout.file("helm/otelring");
  }

  /** The chart with the values every install needs: a mode and an image. */
  static HelmChart installedAs(String mode) {
    return new HelmChart().set("mode", mode).set("image.repository", "ghcr.io/acme/otelring");
  }

  static HelmChart bare() {
    return new HelmChart();
  }

  HelmChart set(String key, Object value) {
    sets.put(key, value);
    return this;
  }

  HelmChart values(Path file) {
    valuesFiles.add(file);
    return this;
  }

  @Override
  public String toString() {
    return "--set " + sets + (valuesFiles.isEmpty() ? "" : " -f " + valuesFiles);
  }

  /** Renders the chart; a failure (schema, a template's fail) is thrown with Helm's message. */
  Rendered render() {
    TemplateCommand template =
        new Helm(path()).template().withName(RELEASE).withNamespace(NAMESPACE);
    for (Path file : valuesFiles) {
      template = template.withValuesFile(file);
    }
    for (Map.Entry<String, Object> set : sets.entrySet()) {
      template = template.set(set.getKey(), set.getValue());
    }
    return Rendered.parse(template.call());
  }

  /** Helm's message when rendering fails. */
  String failure() {
    try {
      render();
    } catch (RuntimeException e) {
      return e.getMessage();
    }
    throw new AssertionError("the chart rendered, but a failure was expected with " + sets);
  }

  /** The objects of one rendering, in Helm's order. */
  record Rendered(List<JsonNode> objects) {

    static Rendered parse(String manifests) {
      List<JsonNode> objects = new ArrayList<>();
      try (MappingIterator<JsonNode> documents =
          YAML.readerFor(JsonNode.class).readValues(manifests)) {
        while (documents.hasNext()) {
          JsonNode document = documents.next();
          if (document != null && document.isObject() && !document.isEmpty()) {
            objects.add(document);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("rendered manifests are not YAML:\n" + manifests, e);
      }
      return new Rendered(List.copyOf(objects));
    }

    List<String> kinds() {
      return objects.stream().map(o -> o.path("kind").asText()).toList();
    }

    List<JsonNode> all(String kind) {
      return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    JsonNode one(String kind) {
      List<JsonNode> found = all(kind);
      if (found.size() != 1) {
        throw new AssertionError(
            "expected one " + kind + ", found " + found.size() + ": " + kinds());
      }
      return found.get(0);
    }

    /** The Deployment, DaemonSet or StatefulSet. */
    JsonNode workload() {
      List<JsonNode> workloads =
          objects.stream()
              .filter(o -> o.path("spec").path("template").path("spec").has("containers"))
              .toList();
      if (workloads.size() != 1) {
        throw new AssertionError("expected one workload: " + kinds());
      }
      return workloads.get(0);
    }

    JsonNode podSpec() {
      return workload().path("spec").path("template").path("spec");
    }

    JsonNode collectorContainer() {
      return podSpec().path("containers").get(0);
    }

    /** The collector config the chart put in its ConfigMap (key {@code relay}). */
    String collectorConfig() {
      return one("ConfigMap").path("data").path("relay").asText();
    }

    JsonNode collectorConfigTree() {
      try {
        return YAML.readTree(collectorConfig());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
