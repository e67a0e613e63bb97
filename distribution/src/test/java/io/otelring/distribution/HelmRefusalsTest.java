package io.otelring.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the chart refuses, and that it says why: the schema for missing and unknown keys, the
 * templates for upstream features otelring does not have.
 */
class HelmRefusalsTest {

  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of(
            HelmChart.bare().set("image.repository", "otelring"),
            "at '/mode': value must be one of 'deployment', 'daemonset', 'statefulset'"),
        Arguments.of(
            HelmChart.bare().set("mode", "deployment"),
            "at '/image/repository': minLength: got 0, want 1"),
        Arguments.of(
            HelmChart.installedAs("deployment").set("replicas", 3),
            "at '': additional properties 'replicas' not allowed"),
        Arguments.of(
            HelmChart.installedAs("deployment").set("image.registry", "ghcr.io"),
            "at '/image': additional properties 'registry' not allowed"),
        Arguments.of(
            HelmChart.installedAs("daemonset").set("presets.logsCollection.enabled", true),
            "presets.logsCollection is not supported by otelring"),
        Arguments.of(
            HelmChart.installedAs("daemonset").set("presets.kubernetesAttributes.enabled", true),
            "presets.kubernetesAttributes is not supported by otelring"),
        Arguments.of(
            HelmChart.installedAs("deployment").set("presets.clusterMetrics.enabled", true),
            "presets.clusterMetrics is not supported by otelring"),
        Arguments.of(
            HelmChart.installedAs("deployment").set("ingress.enabled", true),
            "ingress.enabled is not supported by otelring's chart yet"),
        Arguments.of(
            HelmChart.installedAs("deployment").set("serviceMonitor.enabled", true),
            "serviceMonitor.enabled is not supported by otelring's chart yet"),
        Arguments.of(
            HelmChart.installedAs("deployment")
                .set("internalTelemetryViaOTLP.metrics.enabled", true),
            "internalTelemetryViaOTLP.metrics is not supported by otelring"),
        Arguments.of(
            HelmChart.installedAs("deployment").set("config.service.extensions", "null"),
            "config.service.extensions must include health_check"),
        Arguments.of(
            HelmChart.installedAs("deployment").set("configMap.existingName", "mine"),
            "configMap.existingName cannot be set when configMap.create is true"));
  }

  @ParameterizedTest
  @MethodSource("refusals")
  void refusesWithAClearMessage(HelmChart chart, String message) {
    assertThat(chart.failure()).contains(message);
  }

  @ParameterizedTest
  @MethodSource("upstreamKeysLeftOff")
  void acceptsUpstreamKeysWhileTheirFeatureIsOff(String key) {
    KubernetesModels.assertValid(HelmChart.installedAs("deployment").set(key, false).render());
  }

  static Stream<String> upstreamKeysLeftOff() {
    return Stream.of(
        "presets.hostMetrics.enabled",
        "presets.kubeletMetrics.enabled",
        "presets.kubernetesEvents.enabled",
        "ingress.enabled",
        "podMonitor.enabled",
        "prometheusRule.enabled",
        "networkPolicy.enabled",
        "clusterRole.create",
        "useGOMEMLIMIT");
  }
}
