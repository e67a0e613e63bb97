package io.otelring.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Docker tests' two halves: an OpenTelemetry SDK sends a gateway-shaped trace to the collector,
 * and Tempo's HTTP API is polled until every span of it is there.
 */
final class TempoTraces {

  /** One trace sent: its id and the names of its spans. */
  record Sent(String traceId, List<String> spanNames) {}

  private TempoTraces() {}

  static Sent sendTrace(String otlpGrpcEndpoint, int children) {
    OtlpGrpcSpanExporter exporter =
        OtlpGrpcSpanExporter.builder().setEndpoint(otlpGrpcEndpoint).build();
    SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .setResource(
                Resource.create(Attributes.builder().put("service.name", "ai-gateway").build()))
            .addSpanProcessor(BatchSpanProcessor.builder(exporter).build())
            .build();
    try {
      Tracer tracer = provider.get("otelring-distribution-it");
      List<String> names = new ArrayList<>();
      Span root =
          tracer
              .spanBuilder("chat gpt-4o-mini")
              .setAttribute("gen_ai.system", "openai")
              .setAttribute("gen_ai.request.model", "gpt-4o-mini")
              .setAttribute("llm.provider", "openai")
              .startSpan();
      names.add("chat gpt-4o-mini");
      try (Scope ignored = root.makeCurrent()) {
        for (int i = 0; i < children; i++) {
          String name = "upstream-call-" + i;
          tracer
              .spanBuilder(name)
              .setAttribute("gen_ai.usage.output_tokens", 10L + i)
              .startSpan()
              .end();
          names.add(name);
        }
      } finally {
        root.end();
      }
      assertThat(provider.forceFlush().join(30, TimeUnit.SECONDS).isSuccess()).isTrue();
      return new Sent(root.getSpanContext().getTraceId(), List.copyOf(names));
    } finally {
      provider.shutdown().join(30, TimeUnit.SECONDS);
    }
  }

  /** Polls {@code /api/traces/<id>} until every span name of the trace is in Tempo's answer. */
  static void awaitInTempo(String tempoBaseUrl, Sent sent) {
    HttpClient http = HttpClient.newHttpClient();
    URI uri = URI.create(tempoBaseUrl + "/api/traces/" + sent.traceId());
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              HttpResponse<String> response =
                  http.send(
                      HttpRequest.newBuilder(uri).GET().build(),
                      HttpResponse.BodyHandlers.ofString());
              assertThat(response.statusCode()).isEqualTo(200);
              for (String name : sent.spanNames()) {
                assertThat(response.body()).contains("\"" + name + "\"");
              }
            });
  }
}
