package io.otelring.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The upstream chart's value keys, each doing what it does there. */
class HelmValuesTest {

  @ParameterizedTest
  @ValueSource(strings = {"otelring", "otelcol", "otelcol-contrib", "otelcol-k8s"})
  void commandNameIsAnExecutableOfTheImage(String name) {
    HelmChart.Rendered rendered =
        HelmChart.installedAs("deployment")
            .set("command.name", name)
            .set("command.extraArgs[0]", "--set=processors::batch::timeout=2s")
            .render();

    assertThat(rendered.collectorContainer().path("command").get(0).asText()).isEqualTo("/" + name);
    assertThat(Files.isExecutable(Checkout.file("image").resolve(name))).isTrue();
    assertThat(rendered.collectorContainer().path("args").toString())
        .isEqualTo("[\"--config=/conf/relay.yaml\",\"--set=processors::batch::timeout=2s\"]");
  }

  /** The deploy guide's token setup renders, mounts the Secret, and loads as a collector config. */
  @Test
  void theDeployGuidesTokenSetupGivesAValidConfigWithTheSecretMounted() throws Exception {
    HelmChart.Rendered rendered =
        HelmChart.installedAs("deployment")
            .values(Path.of(getClass().getResource("/helm/auth-values.yaml").toURI()))
            .render();

    KubernetesModels.assertValid(rendered);
    CollectorConfigs.assertValid(rendered.collectorConfig());
    JsonNode config = rendered.collectorConfigTree();
    assertThat(config.at("/receivers/otlp/protocols/grpc/auth/authenticator").asText())
        .isEqualTo("bearertokenauth");
    assertThat(config.at("/receivers/otlp/protocols/grpc/endpoint").asText())
        .as("the chart's endpoint stays")
        .isEqualTo("${env:MY_POD_IP}:4317");
    assertThat(rendered.collectorContainer().path("volumeMounts").toString())
        .contains("\"mountPath\":\"/etc/otelring/token\"");
    assertThat(Files.readString(Checkout.file("docs").resolve("deploy.md")))
        .as("the guide shows these values")
        .contains("bearertokenauth: {filename: /etc/otelring/token/token}")
        .contains("- {name: otlp-token, mountPath: /etc/otelring/token, readOnly: true}");
  }

  @Test
  void withoutCommandNameTheImageEntrypointRuns() {
    assertThat(HelmChart.installedAs("deployment").render().collectorContainer().has("command"))
        .isFalse();
  }

  @Test
  void imageTagDefaultsToAppVersionAndDigestWins() {
    assertThat(
            HelmChart.installedAs("deployment")
                .set("image.tag", "0.2.0")
                .render()
                .collectorContainer()
                .path("image")
                .asText())
        .isEqualTo("ghcr.io/acme/otelring:0.2.0");
    assertThat(
            HelmChart.installedAs("deployment")
                .set("image.digest", "sha256:" + "a".repeat(64))
                .render()
                .collectorContainer()
                .path("image")
                .asText())
        .isEqualTo("ghcr.io/acme/otelring@sha256:" + "a".repeat(64));
  }

  @Test
  void nullRemovesAKeyOfTheDefaultConfig() {
    HelmChart.Rendered rendered =
        HelmChart.installedAs("deployment")
            .set("config.receivers.otlp.protocols.http", "null")
            .render();

    JsonNode protocols = rendered.collectorConfigTree().at("/receivers/otlp/protocols");
    assertThat(protocols.has("grpc")).isTrue();
    assertThat(protocols.has("http")).isFalse();
    assertThat(CollectorConfigs.problems(rendered.collectorConfig())).isEmpty();
  }

  @Test
  void alternateConfigReplacesTheWholeConfig(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path values = dir.resolve("alternate.yaml");
    Files.writeString(
        values,
        """
        alternateConfig:
          receivers:
            otlp:
              protocols:
                grpc: {endpoint: "${env:MY_POD_IP}:4317"}
          exporters:
            debug: {verbosity: basic}
          extensions:
            health_check: {endpoint: "${env:MY_POD_IP}:13133"}
          service:
            extensions: [health_check]
            pipelines:
              logs: {receivers: [otlp], exporters: [debug]}
        """);

    HelmChart.Rendered rendered = HelmChart.installedAs("deployment").values(values).render();

    JsonNode config = rendered.collectorConfigTree();
    assertThat(config.has("processors")).isFalse();
    assertThat(config.at("/service/pipelines").has("traces")).isFalse();
    assertThat(config.at("/exporters/debug/verbosity").asText()).isEqualTo("basic");
    assertThat(CollectorConfigs.problems(rendered.collectorConfig())).isEmpty();
  }

  @Test
  void existingConfigMapIsMountedInsteadOfARenderedOne() {
    HelmChart.Rendered rendered =
        HelmChart.installedAs("deployment")
            .set("configMap.create", false)
            .set("configMap.existingName", "platform-collector-config")
            .render();

    KubernetesModels.assertValid(rendered);
    assertThat(rendered.kinds()).doesNotContain("ConfigMap");
    assertThat(rendered.podSpec().at("/volumes/0/configMap/name").asText())
        .isEqualTo("platform-collector-config");
    assertThat(rendered.collectorContainer().path("args").toString())
        .isEqualTo("[\"--config=/conf/relay.yaml\"]");
  }

  @Test
  void aConfigChangeRollsThePods() {
    String before = checksum(HelmChart.installedAs("deployment").render());
    String after =
        checksum(
            HelmChart.installedAs("deployment")
                .set("config.processors.batch.timeout", "2s")
                .render());
    assertThat(after).isNotEqualTo(before);
  }

  @Test
  void autoscalingAndDisruptionBudget() {
    HelmChart.Rendered rendered =
        HelmChart.installedAs("deployment")
            .set("autoscaling.enabled", true)
            .set("autoscaling.maxReplicas", 6)
            .set("autoscaling.targetMemoryUtilizationPercentage", 70)
            .set("podDisruptionBudget.enabled", true)
            .set("podDisruptionBudget.minAvailable", 1)
            .render();

    KubernetesModels.assertValid(rendered);
    JsonNode hpa = rendered.one("HorizontalPodAutoscaler");
    assertThat(hpa.at("/spec/scaleTargetRef/kind").asText()).isEqualTo("Deployment");
    assertThat(hpa.at("/spec/scaleTargetRef/name").asText())
        .isEqualTo("opentelemetry-collector-traces");
    assertThat(hpa.at("/spec/maxReplicas").asInt()).isEqualTo(6);
    assertThat(hpa.at("/spec/metrics").size()).isEqualTo(2);
    // The autoscaler owns the replica count.
    assertThat(rendered.workload().path("spec").has("replicas")).isFalse();
    assertThat(rendered.one("PodDisruptionBudget").at("/spec/minAvailable").asInt()).isEqualTo(1);
  }

  /** The pod-level keys a platform team sets, all passed through to a valid pod. */
  @Test
  void podKeysPassThrough(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path values = dir.resolve("pod.yaml");
    Files.writeString(
        values,
        """
        replicaCount: 3
        resources:
          limits: {cpu: "1", memory: 1Gi}
          requests: {cpu: 200m, memory: 512Mi}
        serviceAccount: {create: true, name: collector, annotations: {team: platform}}
        podAnnotations: {prometheus.io/scrape: "true"}
        extraEnvs:
          - {name: OTELRING_MAX_RAM_PERCENTAGE, value: "60"}
        extraVolumes:
          - {name: certs, secret: {secretName: collector-tls}}
        extraVolumeMounts:
          - {name: certs, mountPath: /etc/otelring/certs, readOnly: true}
        nodeSelector: {kubernetes.io/os: linux}
        tolerations:
          - {key: dedicated, operator: Equal, value: telemetry, effect: NoSchedule}
        affinity:
          podAntiAffinity:
            preferredDuringSchedulingIgnoredDuringExecution:
              - weight: 100
                podAffinityTerm:
                  topologyKey: kubernetes.io/hostname
                  labelSelector: {matchLabels: {app.kubernetes.io/name: opentelemetry-collector}}
        securityContext:
          readOnlyRootFilesystem: true
          allowPrivilegeEscalation: false
          capabilities: {drop: [ALL]}
        service:
          type: LoadBalancer
          annotations: {service.beta.kubernetes.io/aws-load-balancer-internal: "true"}
        """);

    HelmChart.Rendered rendered = HelmChart.installedAs("deployment").values(values).render();

    KubernetesModels.assertValid(rendered);
    JsonNode pod = rendered.podSpec();
    JsonNode container = rendered.collectorContainer();
    assertThat(rendered.workload().at("/spec/replicas").asInt()).isEqualTo(3);
    // The JVM in the image sizes its heap from this limit.
    assertThat(container.at("/resources/limits/memory").asText()).isEqualTo("1Gi");
    assertThat(pod.path("serviceAccountName").asText()).isEqualTo("collector");
    assertThat(rendered.one("ServiceAccount").at("/metadata/annotations/team").asText())
        .isEqualTo("platform");
    assertThat(
            rendered
                .workload()
                .at("/spec/template/metadata/annotations/prometheus.io~1scrape")
                .asText())
        .isEqualTo("true");
    assertThat(container.path("env").toString())
        .contains("MY_POD_IP")
        .contains("OTELRING_MAX_RAM_PERCENTAGE");
    assertThat(pod.at("/volumes/1/secret/secretName").asText()).isEqualTo("collector-tls");
    assertThat(container.at("/volumeMounts/1/mountPath").asText()).isEqualTo("/etc/otelring/certs");
    assertThat(pod.at("/nodeSelector/kubernetes.io~1os").asText()).isEqualTo("linux");
    assertThat(pod.at("/tolerations/0/value").asText()).isEqualTo("telemetry");
    assertThat(pod.has("affinity")).isTrue();
    assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(rendered.one("Service").at("/spec/type").asText()).isEqualTo("LoadBalancer");
  }

  private static String checksum(HelmChart.Rendered rendered) {
    return rendered.workload().at("/spec/template/metadata/annotations/checksum~1config").asText();
  }
}
