package io.otelring.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.otelring.core.component.Kind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * compose/docker-compose.yaml up, as a developer starts it: a trace sent to the collector is found
 * in Tempo, and Grafana has its data sources. Needs a Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class ComposeStackIT {

  private static final ComposeContainer STACK =
      new ComposeContainer(Checkout.file("compose/docker-compose.yaml").toFile())
          .withBuild(true)
          .withExposedService("otelring", 4317, Wait.forListeningPort())
          .withExposedService("tempo", 3200, Wait.forHttp("/ready").forStatusCode(200))
          .withExposedService("grafana", 3000, Wait.forHttp("/api/health").forStatusCode(200))
          .withStartupTimeout(Duration.ofMinutes(15));

  @BeforeAll
  static void startWhenTheOtlpExporterIsBuilt() {
    // The stack builds the image from this checkout: without the otlp exporter, Tempo gets nothing.
    assumeTrue(CollectorConfigs.registered(Kind.EXPORTER, "otlp"), "no otlp exporter yet");
    STACK.start();
  }

  @AfterAll
  static void stop() {
    if (!CollectorConfigs.registered(Kind.EXPORTER, "otlp")) {
      return; // never started
    }
    STACK.stop();
  }

  @Test
  void aTraceSentToTheCollectorIsInTempo() {
    TempoTraces.Sent sent =
        TempoTraces.sendTrace(
            "http://"
                + STACK.getServiceHost("otelring", 4317)
                + ":"
                + STACK.getServicePort("otelring", 4317),
            3);

    TempoTraces.awaitInTempo(
        "http://" + STACK.getServiceHost("tempo", 3200) + ":" + STACK.getServicePort("tempo", 3200),
        sent);
  }

  @Test
  void grafanaHasTheTempoAndPrometheusDataSources() throws Exception {
    String grafana =
        "http://"
            + STACK.getServiceHost("grafana", 3000)
            + ":"
            + STACK.getServicePort("grafana", 3000);
    HttpClient http = HttpClient.newHttpClient();
    for (String uid : new String[] {"tempo", "prometheus"}) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(grafana + "/api/datasources/uid/" + uid)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(uid).isEqualTo(200);
    }
    HttpResponse<String> dashboard =
        http.send(
            HttpRequest.newBuilder(URI.create(grafana + "/api/dashboards/uid/otelring")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(dashboard.statusCode()).isEqualTo(200);
  }
}
