package io.otelring.collector.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.otelring.collector.FreePorts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class SelfMetricsTest {

  @Test
  void servesCountersInPrometheusTextWithTheGoCollectorsNames() throws Exception {
    int port = FreePorts.next();
    try (SelfMetrics metrics =
        new SelfMetrics(
            "127.0.0.1:" + port,
            java.util.Map.of(
                "service.name",
                "otelring",
                "service.version",
                "1.2.3",
                "service.instance.id",
                "abc-1"))) {
      metrics.start();
      Counter.builder("otelcol_receiver_accepted_spans")
          .tag("receiver", "otlp")
          .tag("transport", "grpc")
          .register(metrics.registry())
          .increment(7);

      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body())
          .containsPattern(
              "otelcol_receiver_accepted_spans_total\\{receiver=\"otlp\",service_instance_id=\"abc-1\","
                  + "service_name=\"otelring\",service_version=\"1.2.3\",transport=\"grpc\"} 7\\.0");
    }
  }

  @Test
  void noAddressMeansNoEndpointButStillCounts() {
    try (SelfMetrics metrics = new SelfMetrics(null, java.util.Map.of())) {
      metrics.start();
      Counter.builder("x").register(metrics.registry()).increment();
      assertThat(metrics.port()).isEqualTo(-1);
      assertThat(metrics.scrape()).contains("x_total");
    }
  }
}
