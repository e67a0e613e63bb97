package io.otelring.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1DaemonSet;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.io.IOException;
import java.util.Map;

/**
 * Checks rendered objects against the Kubernetes API's own models (client-java's generated
 * classes): an unknown field, a missing required field or a wrong type fails, as the API server
 * would refuse it — without a cluster.
 */
final class KubernetesModels {

  private interface Check {
    void validate(JsonElement json) throws IOException;
  }

  private record Model(String apiVersion, Check check) {}

  private static final Map<String, Model> MODELS =
      Map.of(
          "ServiceAccount", new Model("v1", V1ServiceAccount::validateJsonElement),
          "ConfigMap", new Model("v1", V1ConfigMap::validateJsonElement),
          "Service", new Model("v1", V1Service::validateJsonElement),
          "Deployment", new Model("apps/v1", V1Deployment::validateJsonElement),
          "DaemonSet", new Model("apps/v1", V1DaemonSet::validateJsonElement),
          "StatefulSet", new Model("apps/v1", V1StatefulSet::validateJsonElement),
          "HorizontalPodAutoscaler",
              new Model("autoscaling/v2", V2HorizontalPodAutoscaler::validateJsonElement),
          "PodDisruptionBudget",
              new Model("policy/v1", V1PodDisruptionBudget::validateJsonElement));

  private KubernetesModels() {}

  /** Every object is of a kind the chart may render, at its API version, and valid for it. */
  static void assertValid(HelmChart.Rendered rendered) {
    assertThat(rendered.objects()).isNotEmpty();
    for (JsonNode object : rendered.objects()) {
      String kind = object.path("kind").asText();
      assertThat(MODELS).as("a kind this chart renders").containsKey(kind);
      Model model = MODELS.get(kind);
      assertThat(object.path("apiVersion").asText()).as(kind).isEqualTo(model.apiVersion());
      try {
        model.check().validate(JsonParser.parseString(object.toString()));
      } catch (IOException | IllegalArgumentException e) {
        throw new AssertionError(
            kind + " is not a valid object: " + e.getMessage() + "\n" + object, e);
      }
    }
  }
}
