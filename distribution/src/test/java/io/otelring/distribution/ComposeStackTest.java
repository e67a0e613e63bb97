package io.otelring.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * compose/docker-compose.yaml without a Docker engine: docker-compose itself checks the file, every
 * file a service mounts parses, and the services agree on names and ports.
 */
class ComposeStackTest {

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Path COMPOSE = Checkout.file("compose");

  @Test
  void dockerComposeAcceptsTheFile() throws Exception {
    // CI installs Debian's docker-compose (.ci/run); elsewhere the check runs where it is
    // installed.
    assumeTrue(
        Processes.onPath("docker-compose") || System.getenv("CI") != null,
        "docker-compose is not installed");
    Processes.Result result =
        Processes.run(
            Checkout.root(),
            Map.of(),
            List.of("docker-compose", "-f", "compose/docker-compose.yaml", "config", "-q"));
    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @Test
  void collectorIsBuiltFromTheRootDockerfile() {
    JsonNode build = services().at("/otelring/build");
    Path context = COMPOSE.resolve(build.path("context").asText()).normalize();
    assertThat(context).isEqualTo(Checkout.root());
    assertThat(context.resolve(build.path("dockerfile").asText())).isRegularFile();
  }

  @Test
  void everyMountedFileExistsAndParses() throws IOException {
    List<Path> mounted = new ArrayList<>();
    services()
        .fields()
        .forEachRemaining(
            service ->
                service
                    .getValue()
                    .path("volumes")
                    .forEach(
                        volume -> mounted.add(COMPOSE.resolve(volume.asText().split(":")[0]))));
    assertThat(mounted).hasSizeGreaterThanOrEqualTo(5);
    for (Path source : mounted) {
      assertThat(source).exists();
      try (Stream<Path> files = Files.walk(source)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          parse(file);
        }
      }
    }
  }

  @Test
  void collectorReceivesOnThePublishedPortsAndSendsToTempoByItsClusterName() throws IOException {
    JsonNode config = parse(COMPOSE.resolve("otelring.yaml"));
    Set<Integer> published = publishedContainerPorts("otelring");
    assertThat(published)
        .contains(port(config.at("/receivers/otlp/protocols/grpc/endpoint").asText()))
        .contains(port(config.at("/receivers/otlp/protocols/http/endpoint").asText()))
        .contains(port(config.at("/extensions/health_check/endpoint").asText()))
        .contains(
            config
                .at("/service/telemetry/metrics/readers/0/pull/exporter/prometheus/port")
                .asInt());

    URI tempo = URI.create(config.at("/exporters/otlp~1tempo/endpoint").asText());
    assertThat(tempo.getHost()).isEqualTo("tempo.telemetry.svc.cluster.local");
    assertThat(services().at("/tempo/networks/telemetry/aliases").toString())
        .contains(tempo.getHost());
    JsonNode tempoConfig = parse(COMPOSE.resolve("tempo.yaml"));
    String tempoGrpc =
        tempoConfig.at("/distributor/receivers/otlp/protocols/grpc/endpoint").asText();
    assertThat(tempoGrpc).isEqualTo("0.0.0.0:" + tempo.getPort());
    assertThat(tempoConfig.at("/distributor/receivers/otlp/protocols/http/endpoint").asText())
        .startsWith("0.0.0.0:");
  }

  @Test
  void collectorConfigIsValidAsFarAsOtelringHasItsComponents() {
    CollectorConfigs.assertValid(Checkout.read("compose/otelring.yaml"));
  }

  @Test
  void prometheusScrapesTheCollectorsSelfMetrics() throws IOException {
    JsonNode prometheus = parse(COMPOSE.resolve("prometheus.yaml"));
    JsonNode config = parse(COMPOSE.resolve("otelring.yaml"));
    int metricsPort =
        config.at("/service/telemetry/metrics/readers/0/pull/exporter/prometheus/port").asInt();
    assertThat(prometheus.at("/scrape_configs/0/static_configs/0/targets/0").asText())
        .isEqualTo("otelring:" + metricsPort);
  }

  @Test
  void grafanaHasTempoAndPrometheusAndADashboardOfTheCollectorsMetrics() throws IOException {
    JsonNode sources =
        parse(COMPOSE.resolve("grafana/provisioning/datasources/datasources.yaml"))
            .path("datasources");
    int tempoPort = parse(COMPOSE.resolve("tempo.yaml")).at("/server/http_listen_port").asInt();
    Map<String, String> urlByUid = new java.util.HashMap<>();
    sources.forEach(s -> urlByUid.put(s.path("uid").asText(), s.path("url").asText()));
    assertThat(urlByUid)
        .containsEntry("tempo", "http://tempo:" + tempoPort)
        .containsEntry("prometheus", "http://prometheus:9090");
    assertThat(publishedContainerPorts("prometheus")).contains(9090);

    String provider =
        parse(COMPOSE.resolve("grafana/provisioning/dashboards/dashboards.yaml"))
            .at("/providers/0/options/path")
            .asText();
    assertThat(services().at("/grafana/volumes").toString())
        .contains("./grafana/dashboards:" + provider);

    JsonNode dashboard = parse(COMPOSE.resolve("grafana/dashboards/otelring.json"));
    String queries = dashboard.path("panels").findValuesAsText("expr").toString();
    assertThat(queries)
        .contains(
            "otelcol_receiver_accepted_spans_total",
            "otelcol_receiver_refused_spans_total",
            "otelcol_exporter_sent_spans_total",
            "otelcol_exporter_send_failed_spans_total",
            "otelcol_exporter_queue_size",
            "otelcol_processor_batch_batch_send_size");
    assertThat(dashboard.path("panels").findValuesAsText("uid")).allMatch(urlByUid::containsKey);
  }

  @Test
  void loadGeneratorSendsGatewayShapedSpansToTheCollector() throws IOException {
    JsonNode config = parse(COMPOSE.resolve("otelring.yaml"));
    int grpc = port(config.at("/receivers/otlp/protocols/grpc/endpoint").asText());
    String command = services().at("/loadgen/command").toString();
    assertThat(services().at("/loadgen/image").asText())
        .startsWith("ghcr.io/open-telemetry/opentelemetry-collector-contrib/telemetrygen:");
    assertThat(command)
        .contains("--otlp-endpoint=otelring:" + grpc)
        .contains("--service=ai-gateway")
        .contains("gen_ai.system=")
        .contains("gen_ai.request.model=")
        .contains("gen_ai.usage.input_tokens=")
        .contains("llm.provider=");
  }

  static JsonNode services() {
    try {
      return YAML.readTree(COMPOSE.resolve("docker-compose.yaml").toFile()).path("services");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The container side of a service's published ports ("4317:4317" → 4317). */
  static Set<Integer> publishedContainerPorts(String service) {
    Set<Integer> ports = new TreeSet<>();
    services()
        .path(service)
        .path("ports")
        .forEach(
            p ->
                ports.add(Integer.parseInt(p.asText().substring(p.asText().lastIndexOf(':') + 1))));
    return ports;
  }

  private static int port(String endpoint) {
    return Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
  }

  private static JsonNode parse(Path file) throws IOException {
    ObjectMapper mapper = file.toString().endsWith(".json") ? new ObjectMapper() : YAML;
    JsonNode tree = mapper.readTree(file.toFile());
    assertThat(tree).as("%s parses to a document", file).isNotNull();
    assertThat(tree.isObject()).as("%s", file).isTrue();
    return tree;
  }
}
