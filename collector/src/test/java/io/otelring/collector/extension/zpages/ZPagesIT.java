package io.otelring.collector.extension.zpages;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelring.collector.Collector;
import io.otelring.collector.FreePorts;
import io.otelring.core.pipeline.RingOptions;
import io.otelring.core.testing.TestComponents;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The zpages of a running collector show its pipelines, connectors and extensions. */
class ZPagesIT {

  private final int zpagesPort = FreePorts.next();
  private final HttpClient http = HttpClient.newHttpClient();
  private Collector collector;

  @BeforeEach
  void start() throws Exception {
    String yaml =
        """
        receivers:
          otlp:
            protocols:
              grpc: {endpoint: 127.0.0.1:%d}
        processors:
          batch:
        connectors:
          forward:
        exporters:
          recording: {}
        extensions:
          zpages: {endpoint: 127.0.0.1:%d}
        service:
          extensions: [zpages]
          telemetry: {metrics: {address: 127.0.0.1:%d}}
          pipelines:
            traces/in: {receivers: [otlp], processors: [batch], exporters: [forward]}
            traces/out: {receivers: [forward], exporters: [recording]}
        """
            .formatted(FreePorts.next(), zpagesPort, FreePorts.next());
    collector =
        Collector.startYaml(yaml, RingOptions.DEFAULT, new TestComponents.RecordingExporters());
  }

  @AfterEach
  void stop() {
    if (collector != null) {
      collector.close();
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + zpagesPort + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void pipelinezListsEveryPipelineWithItsComponentsAndConnectors() throws Exception {
    HttpResponse<String> page = get("/debug/pipelinez");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(page.body())
        .contains(
            "<td>traces/in</td><td>traces</td><td>otlp</td><td>&rarr; batch</td>"
                + "<td>forward (connector)</td>")
        .contains(
            "<td>traces/out</td><td>traces</td><td>forward (connector)</td><td>&rarr; </td>"
                + "<td>recording</td>");
  }

  @Test
  void servicezExtensionzAndFeaturezAnswer() throws Exception {
    assertThat(get("/debug/servicez").body())
        .contains("<td>Command</td><td>otelring</td>")
        .containsPattern("<td>Uptime</td><td>[0-9hms.]+</td>"); // a Go duration, as Go shows it
    assertThat(get("/debug/extensionz").body()).contains("<td>zpages</td>");
    assertThat(get("/debug/featurez").statusCode()).isEqualTo(200);
  }

  @Test
  void tracezSaysWhyItHasNothing() throws Exception {
    HttpResponse<String> tracez = get("/debug/tracez");

    assertThat(tracez.statusCode()).isEqualTo(404);
    assertThat(tracez.body()).contains("does not record spans of its own");
  }
}
