package io.otelring.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The chart as a platform team replacing the upstream opentelemetry-collector chart uses it: the
 * issue's install command, each mode, Helm's lint — every rendered object checked against the
 * Kubernetes models and every rendered collector config against otelring's own validation.
 */
class HelmChartTest {

  /**
   * {@code helm upgrade --install opentelemetry-collector-traces ./helm/otelring --set
   * mode=deployment --set image.repository=… --set command.name=otelring --namespace=telemetry -f
   * values.yaml}, values.yaml being the {@code config:} of DESIGN.md.
   */
  @Test
  void seedCommandGivesTheUpstreamNamesAndAWorkingCollector() throws Exception {
    HelmChart.Rendered rendered =
        HelmChart.installedAs("deployment")
            .set("command.name", "otelring")
            .values(Path.of(getClass().getResource("/helm/seed-values.yaml").toURI()))
            .render();

    KubernetesModels.assertValid(rendered);
    assertThat(rendered.kinds())
        .containsExactlyInAnyOrder("ServiceAccount", "ConfigMap", "Service", "Deployment");
    // The gateway's endpoint, opentelemetry-collector-traces.telemetry.svc.cluster.local:4317.
    JsonNode service = rendered.one("Service");
    assertThat(service.at("/metadata/name").asText()).isEqualTo("opentelemetry-collector-traces");
    assertThat(service.at("/metadata/namespace").asText()).isEqualTo("telemetry");
    assertThat(service.at("/spec/ports"))
        .anySatisfy(
            port -> {
              assertThat(port.path("name").asText()).isEqualTo("otlp");
              assertThat(port.path("port").asInt()).isEqualTo(4317);
              assertThat(port.path("appProtocol").asText()).isEqualTo("grpc");
            });
    assertThat(service.at("/spec/selector"))
        .isEqualTo(rendered.workload().at("/spec/template/metadata/labels"));

    JsonNode container = rendered.collectorContainer();
    assertThat(container.path("image").asText()).isEqualTo("ghcr.io/acme/otelring:0.1.0");
    assertThat(container.path("command").toString()).isEqualTo("[\"/otelring\"]");
    assertThat(container.path("args").toString()).isEqualTo("[\"--config=/conf/relay.yaml\"]");
    assertThat(container.at("/livenessProbe/httpGet/port").asInt()).isEqualTo(13133);
    assertThat(container.at("/readinessProbe/httpGet/port").asInt()).isEqualTo(13133);

    // The user's config is deep-merged over the default: their exporters and pipeline, and the
    // chart's health_check and self-metrics endpoint, which the probes and scrapers rely on.
    JsonNode config = rendered.collectorConfigTree();
    assertThat(config.at("/exporters/otlp~1tempo/endpoint").asText())
        .isEqualTo("http://tempo.telemetry.svc.cluster.local:4317");
    assertThat(config.at("/exporters/debug/verbosity").asText()).isEqualTo("detailed");
    assertThat(config.at("/receivers/otlp/protocols/grpc/endpoint").asText())
        .isEqualTo("0.0.0.0:4317");
    assertThat(config.at("/service/pipelines/traces/exporters").toString())
        .isEqualTo("[\"debug\",\"otlp/tempo\"]");
    assertThat(config.at("/extensions/health_check/endpoint").asText())
        .isEqualTo("${env:MY_POD_IP}:13133");
    assertThat(config.at("/service/extensions").toString()).isEqualTo("[\"health_check\"]");
    CollectorConfigs.assertValid(rendered.collectorConfig());
  }

  @ParameterizedTest
  @ValueSource(strings = {"deployment", "daemonset", "statefulset"})
  void eachModeRendersValidObjectsAndAValidDefaultConfig(String mode) {
    HelmChart.Rendered rendered = HelmChart.installedAs(mode).render();

    KubernetesModels.assertValid(rendered);
    String workload =
        switch (mode) {
          case "deployment" -> "Deployment";
          case "daemonset" -> "DaemonSet";
          default -> "StatefulSet";
        };
    assertThat(rendered.workload().path("kind").asText()).isEqualTo(workload);
    String suffix =
        switch (mode) {
          case "daemonset" -> "-agent";
          case "statefulset" -> "-statefulset";
          default -> "";
        };
    assertThat(rendered.one("ConfigMap").at("/metadata/name").asText())
        .isEqualTo("opentelemetry-collector-traces" + suffix);
    assertThat(rendered.podSpec().at("/volumes/0/configMap/name").asText())
        .isEqualTo("opentelemetry-collector-traces" + suffix);
    assertThat(
            rendered.workload().at("/spec/template/metadata/annotations/checksum~1config").asText())
        .matches("[0-9a-f]{64}");
    // The default config uses only components otelring has: valid as it stands.
    assertThat(CollectorConfigs.problems(rendered.collectorConfig())).isEmpty();
    assertThat(rendered.collectorConfig()).contains("${env:MY_POD_IP}:4317");
  }

  @Test
  void daemonsetOpensHostPortsAndHasNoServiceUnlessAsked() {
    HelmChart.Rendered agent = HelmChart.installedAs("daemonset").render();
    assertThat(agent.kinds()).doesNotContain("Service");
    assertThat(agent.workload().at("/metadata/name").asText())
        .isEqualTo("opentelemetry-collector-traces-agent");
    assertThat(agent.collectorContainer().path("ports"))
        .anySatisfy(p -> assertThat(p.path("hostPort").asInt()).isEqualTo(4317))
        .anySatisfy(p -> assertThat(p.path("hostPort").asInt()).isEqualTo(4318));

    HelmChart.Rendered withService =
        HelmChart.installedAs("daemonset").set("service.enabled", true).render();
    KubernetesModels.assertValid(withService);
    assertThat(withService.one("Service").at("/spec/internalTrafficPolicy").asText())
        .isEqualTo("Local");
  }

  @Test
  void statefulsetGivesEachPodAVolumeForThePersistentSendingQueue() {
    HelmChart.Rendered rendered = HelmChart.installedAs("statefulset").render();

    JsonNode spec = rendered.workload().path("spec");
    assertThat(spec.path("serviceName").asText()).isEqualTo("opentelemetry-collector-traces");
    assertThat(spec.at("/volumeClaimTemplates/0/metadata/name").asText())
        .isEqualTo("sending-queue");
    assertThat(spec.at("/volumeClaimTemplates/0/spec/resources/requests/storage").asText())
        .isEqualTo("1Gi");
    assertThat(rendered.collectorContainer().path("volumeMounts"))
        .anySatisfy(
            mount -> {
              assertThat(mount.path("name").asText()).isEqualTo("sending-queue");
              assertThat(mount.path("mountPath").asText()).isEqualTo("/var/lib/otelring/queue");
            });
    // Writable by the image's user 10001.
    assertThat(rendered.podSpec().at("/securityContext/fsGroup").asInt()).isEqualTo(10001);
  }

  /** Helm's lint, on the chart as the seed command installs it (mode and image set). */
  @Test
  void lintsCleanAsInstalled(@TempDir Path copy) throws IOException {
    copyChart(copy);
    Path values = copy.resolve("values.yaml");
    Files.writeString(
        values,
        Files.readString(values)
            .replace("\nmode: \"\"", "\nmode: deployment")
            .replace("  repository: \"\"", "  repository: ghcr.io/acme/otelring"));

    LintResult lint = new Helm(copy).lint().strict().call();

    assertThat(lint.isFailed()).as("%s", lint.getMessages()).isFalse();
    assertThat(lint.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
  }

  /** The chart's own defaults are not installable: mode and image.repository are required. */
  @Test
  void lintRefusesTheDefaultsWithoutModeAndImage() {
    LintResult lint = new Helm(HelmChart.path()).lint().call();

    assertThat(lint.isFailed()).isTrue();
    assertThat(String.join("\n", lint.getMessages()))
        .contains("at '/mode': value must be one of 'deployment', 'daemonset', 'statefulset'")
        .contains("at '/image/repository'");
  }

  private static void copyChart(Path target) throws IOException {
    Path source = HelmChart.path();
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path to = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(to);
        } else {
          Files.copy(file, to);
        }
      }
    }
  }
}
