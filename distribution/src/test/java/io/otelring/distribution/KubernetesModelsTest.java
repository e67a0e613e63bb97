package io.otelring.distribution;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The model check is as strict as the chart tests need: it does refuse what an API server would.
 */
class KubernetesModelsTest {

  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: collector}
      spec:
        selector: {matchLabels: {app: collector}}
        template:
          metadata: {labels: {app: collector}}
          spec:
            containers:
              - %s
      """;

  @Test
  void acceptsAValidObject() {
    assertThatCode(() -> check("{name: otelring, image: otelring:1}")).doesNotThrowAnyException();
  }

  @Test
  void refusesAnUnknownField() {
    assertThatThrownBy(() -> check("{name: otelring, image: otelring:1, heap: 1Gi}"))
        .hasMessageContaining("heap");
  }

  @Test
  void refusesAMissingRequiredField() {
    assertThatThrownBy(() -> check("{image: otelring:1}")).hasMessageContaining("name");
  }

  private static void check(String container) {
    KubernetesModels.assertValid(HelmChart.Rendered.parse(DEPLOYMENT.formatted(container)));
  }
}
