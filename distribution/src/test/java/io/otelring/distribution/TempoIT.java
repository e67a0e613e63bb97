package io.otelring.distribution;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.otelring.core.component.Kind;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The image built from the root Dockerfile, with the compose stack's config, in front of Grafana
 * Tempo at its cluster name: spans an SDK sends all arrive in Tempo. Needs a Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class TempoIT {

  private static final Network NETWORK = Network.newNetwork();

  private static final GenericContainer<?> TEMPO =
      new GenericContainer<>(DockerImageName.parse("grafana/tempo:2.9.0"))
          .withNetwork(NETWORK)
          .withNetworkAliases("tempo", "tempo.telemetry.svc.cluster.local")
          .withCopyFileToContainer(
              MountableFile.forHostPath(Checkout.file("compose/tempo.yaml")), "/etc/tempo.yaml")
          .withCommand("-config.file=/etc/tempo.yaml")
          .withExposedPorts(3200)
          .waitingFor(
              Wait.forHttp("/ready").forPort(3200).withStartupTimeout(Duration.ofMinutes(2)));

  private static final GenericContainer<?> OTELRING =
      new GenericContainer<>(
              new ImageFromDockerfile("otelring-it", false)
                  .withDockerfile(Checkout.file("Dockerfile")))
          .withNetwork(NETWORK)
          .dependsOn(TEMPO)
          .withCopyFileToContainer(
              MountableFile.forHostPath(Checkout.file("compose/otelring.yaml")),
              "/etc/otelring/otelring.yaml")
          .withCommand("--config=/etc/otelring/otelring.yaml")
          .withExposedPorts(4317, 13133)
          // The image's first build runs Maven inside it.
          .waitingFor(Wait.forHttp("/").forPort(13133).withStartupTimeout(Duration.ofMinutes(15)));

  @BeforeAll
  static void startWhenTheOtlpExporterIsBuilt() {
    // The image is built from this very checkout: without the otlp exporter it cannot reach Tempo.
    assumeTrue(CollectorConfigs.registered(Kind.EXPORTER, "otlp"), "no otlp exporter yet");
    TEMPO.start();
    OTELRING.start();
  }

  @AfterAll
  static void stop() {
    if (!CollectorConfigs.registered(Kind.EXPORTER, "otlp")) {
      return; // never started
    }
    OTELRING.stop();
    TEMPO.stop();
    NETWORK.close();
  }

  @Test
  void everySpanSentReachesTempo() {
    TempoTraces.Sent sent =
        TempoTraces.sendTrace(
            "http://" + OTELRING.getHost() + ":" + OTELRING.getMappedPort(4317), 5);

    TempoTraces.awaitInTempo("http://" + TEMPO.getHost() + ":" + TEMPO.getMappedPort(3200), sent);
  }
}
