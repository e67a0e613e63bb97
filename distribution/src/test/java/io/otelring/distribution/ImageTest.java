package io.otelring.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.otelring.collector.Collector;
import io.otelring.core.pipeline.RingOptions;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The container image without a Docker engine: the Dockerfile's facts against the chart and the
 * stack, and the image's own scripts (the launcher under each name, the health check) run for real
 * against the packaged collector.
 */
class ImageTest {

  private static final String DOCKERFILE = Checkout.read("Dockerfile");

  @Test
  void buildsWithMavenAndRunsOnAJre21AsUser10001() {
    List<String> stages = DOCKERFILE.lines().filter(line -> line.startsWith("FROM ")).toList();
    assertThat(stages).hasSize(2);
    assertThat(stages.get(0)).startsWith("FROM maven:").endsWith(" AS build");
    assertThat(stages.get(1)).isEqualTo("FROM eclipse-temurin:21-jre");
    assertThat(DOCKERFILE)
        .contains("\nUSER 10001:10001\n")
        .contains("\nENTRYPOINT [\"/otelring\"]");
    assertThat(DOCKERFILE)
        .contains(
            "COPY --from=build /src/collector/target/otelring.jar /opt/otelring/otelring.jar");
  }

  /** The image, the chart and the stack agree on the ports. */
  @Test
  void exposesThePortsTheChartAndTheStackUse() throws Exception {
    Matcher expose = Pattern.compile("\nEXPOSE ([0-9 ]+)\n").matcher(DOCKERFILE);
    assertThat(expose.find()).isTrue();
    Set<Integer> exposed = new TreeSet<>();
    Arrays.stream(expose.group(1).trim().split(" ")).forEach(p -> exposed.add(Integer.parseInt(p)));
    assertThat(exposed).containsExactly(4317, 4318, 8888, 13133);

    JsonNode ports = new YAMLMapper().readTree(Checkout.file("helm/otelring/values.yaml").toFile());
    Set<Integer> chartPorts = new TreeSet<>();
    ports.path("ports").forEach(port -> chartPorts.add(port.path("containerPort").asInt()));
    assertThat(chartPorts).isEqualTo(exposed);
    assertThat(ComposeStackTest.publishedContainerPorts("otelring")).isEqualTo(exposed);
  }

  @Test
  void healthCheckProbesHealthCheckOn13133() {
    assertThat(DOCKERFILE)
        .contains("HEALTHCHECK ")
        .contains("CMD [\"/usr/local/bin/otelring-healthcheck\"]");
    assertThat(Checkout.read("image/usr/local/bin/otelring-healthcheck"))
        .contains("OTELRING_HEALTH_PORT:-13133");
    assertThat(Files.isExecutable(Checkout.file("image/usr/local/bin/otelring-healthcheck")))
        .isTrue();
  }

  /** Each name a Helm user may pass as command.name runs the collector. */
  @ParameterizedTest
  @ValueSource(strings = {"otelring", "otelcol", "otelcol-contrib", "otelcol-k8s"})
  void launcherRunsTheCollectorUnderEachName(String name) throws Exception {
    Path jar = packagedJar();
    Processes.Result result =
        Processes.run(
            Checkout.root(),
            Map.of("OTELRING_JAR", jar.toString(), "JAVA_OPTS", "-XX:+PrintCommandLineFlags"),
            List.of("image/" + name, "validate", "--config=configs/local.yaml"));

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("ok");
    // The heap is a share of the container's memory limit.
    assertThat(result.output()).contains("-XX:MaxRAMPercentage=50");
    // The footprint options measured in BENCHMARKS.md; trimming only where the JVM knows it.
    assertThat(result.output()).contains("-XX:G1HeapRegionSize=1048576");
    if (jvmKnowsNativeHeapTrimming()) {
      assertThat(result.output()).contains("-XX:TrimNativeHeapInterval=5000");
    }
  }

  private static boolean jvmKnowsNativeHeapTrimming() throws Exception {
    return Processes.run(
                Checkout.root(),
                Map.of(),
                List.of("java", "-XX:TrimNativeHeapInterval=5000", "-version"))
            .exitCode()
        == 0;
  }

  @Test
  void heapShareCanBeChanged() throws Exception {
    Processes.Result result =
        Processes.run(
            Checkout.root(),
            Map.of(
                "OTELRING_JAR", packagedJar().toString(),
                "OTELRING_MAX_RAM_PERCENTAGE", "70",
                "JAVA_OPTS", "-XX:+PrintCommandLineFlags"),
            List.of("image/otelring", "--version"));

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("-XX:MaxRAMPercentage=70").contains("otelring ");
  }

  /** A collector named in JAVA_OPTS replaces G1: the JVM would refuse to start with both. */
  @Test
  void javaOptsCanChooseAnotherCollector() throws Exception {
    Processes.Result result =
        Processes.run(
            Checkout.root(),
            Map.of(
                "OTELRING_JAR",
                packagedJar().toString(),
                "JAVA_OPTS",
                "-XX:+UseSerialGC -XX:+PrintCommandLineFlags"),
            List.of("image/otelring", "--version"));

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output())
        .contains("-XX:+UseSerialGC")
        .doesNotContain("-XX:+UseG1GC")
        .contains("otelring ");
  }

  /** The HEALTHCHECK script, against a real collector's health_check. */
  @Test
  void healthCheckScriptIsHealthyOnlyWhileTheCollectorRuns() throws Exception {
    int[] ports = freePorts(3);
    String yaml =
        """
        receivers:
          otlp:
            protocols:
              grpc: {endpoint: "127.0.0.1:%d"}
        exporters:
          debug: {}
        extensions:
          health_check: {endpoint: "127.0.0.1:%d"}
        service:
          extensions: [health_check]
          telemetry:
            metrics: {address: "127.0.0.1:%d"}
          pipelines:
            traces: {receivers: [otlp], exporters: [debug]}
        """
            .formatted(ports[0], ports[1], ports[2]);
    Map<String, String> env = Map.of("OTELRING_HEALTH_PORT", String.valueOf(ports[1]));
    List<String> check = List.of("bash", "image/usr/local/bin/otelring-healthcheck");

    try (Collector collector = Collector.startYaml(yaml, RingOptions.DEFAULT)) {
      assertThat(Processes.run(Checkout.root(), env, check).exitCode()).isZero();
    }
    assertThat(Processes.run(Checkout.root(), env, check).exitCode()).isNotZero();
  }

  static Path packagedJar() {
    Path jar = Checkout.file("collector/target/otelring.jar");
    // Built by the reactor before this module's tests; absent only when this module runs alone.
    assumeTrue(Files.isRegularFile(jar), "collector/target/otelring.jar is not built");
    return jar;
  }

  private static int[] freePorts(int count) throws Exception {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        sockets.add(new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress()));
      }
      return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
    } finally {
      for (ServerSocket socket : sockets) {
        socket.close();
      }
    }
  }
}
