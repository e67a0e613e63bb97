package io.otelring.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.otelring.core.pipeline.RingOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each GenAI preset in {@code configs/} runs as shipped, with only its ports and its exporter's
 * endpoint swapped for test ones: the OpenTelemetry SDK sends a span shaped like the AI gateway's
 * over OTLP/gRPC and another over OTLP/HTTP, and a real OTLP server downstream (behind the {@code
 * otlp} exporter) receives both with the exact attributes and name its backend expects.
 */
class GenAiPresetsIT {

  @TempDir Path temp;
  private OtlpBackend backend;

  @org.junit.jupiter.api.BeforeEach
  void startBackend() throws Exception {
    backend = OtlpBackend.start();
  }

  @org.junit.jupiter.api.AfterEach
  void stopBackend() throws Exception {
    backend.close();
  }

  /** The gateway's span, sent once over each transport: what every preset takes in. */
  private static void sendGatewaySpans(int grpcPort, int httpPort) {
    sendGatewaySpan(
        OtlpGrpcSpanExporter.builder().setEndpoint("http://127.0.0.1:" + grpcPort).build());
    sendGatewaySpan(
        OtlpHttpSpanExporter.builder()
            .setEndpoint("http://127.0.0.1:" + httpPort + "/v1/traces")
            .build());
  }

  private static void sendGatewaySpan(SpanExporter otlp) {
    SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .setResource(
                Resource.create(
                    Attributes.of(AttributeKey.stringKey("service.name"), "ai-gateway")))
            .addSpanProcessor(BatchSpanProcessor.builder(otlp).build())
            .build();
    Span span =
        provider
            .get("gateway")
            .spanBuilder("llm request")
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute("llm.provider", "openai")
            .setAttribute("llm.request.model", "gpt-4o")
            .setAttribute("llm.response.model", "gpt-4o-2024-08-06")
            .setAttribute("llm.request.tokens", 12L)
            .setAttribute("llm.response.tokens", 34L)
            .setAttribute("llm.prompt", "What is OTLP?")
            .setAttribute("llm.completion", "A protocol.")
            .setAttribute("http.route", "/v1/chat/completions")
            .startSpan();
    span.end();
    provider.forceFlush().join(10, TimeUnit.SECONDS);
    provider.shutdown().join(10, TimeUnit.SECONDS);
  }

  private Received run(String preset, String extraProcessors) throws Exception {
    int grpc = FreePorts.next();
    int http = FreePorts.next();
    int metrics = FreePorts.next();
    Path overlay = temp.resolve("overlay.yaml");
    Files.writeString(
        overlay,
        """
        receivers:
          otlp:
            protocols:
              grpc: {endpoint: 127.0.0.1:%d}
              http: {endpoint: 127.0.0.1:%d}
        exporters:
          otlp/downstream: {endpoint: 127.0.0.1:%d, tls: {insecure: true}}
        service:
          telemetry: {metrics: {address: 127.0.0.1:%d}}
          pipelines:
            traces: {exporters: [otlp/downstream]%s}
        """
            .formatted(grpc, http, backend.port(), metrics, extraProcessors));
    var config =
        Setup.load(List.of(Path.of("..", "configs", preset).toString(), overlay.toString()), null)
            .config();
    try (Collector collector = Collector.start(config, RingOptions.DEFAULT)) {
      sendGatewaySpans(grpc, http);
      await().atMost(Duration.ofSeconds(15)).until(() -> backend.spans().size() >= 2);
      var spans = backend.spans();
      assertThat(spans).hasSize(2);
      Received overGrpc = received(spans.get(0));
      assertThat(received(spans.get(1)))
          .as("the span sent over HTTP is enriched as the one sent over gRPC")
          .isEqualTo(overGrpc);
      return overGrpc;
    }
  }

  private static Received received(io.opentelemetry.proto.trace.v1.Span span) {
    return new Received(span.getName(), attributes(span.getAttributesList()));
  }

  private record Received(String name, Map<String, Object> attributes) {}

  private static Map<String, Object> attributes(List<KeyValue> list) {
    Map<String, Object> out = new TreeMap<>();
    for (KeyValue kv : list) {
      AnyValue v = kv.getValue();
      out.put(
          kv.getKey(),
          switch (v.getValueCase()) {
            case STRING_VALUE -> v.getStringValue();
            case INT_VALUE -> v.getIntValue();
            case DOUBLE_VALUE -> v.getDoubleValue();
            case BOOL_VALUE -> v.getBoolValue();
            default -> v.toString();
          });
    }
    return out;
  }

  private static Map<String, Object> expected(Object... keysAndValues) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      out.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return new TreeMap<>(out);
  }

  @Test
  void openTelemetryGenAiConventions() throws Exception {
    Received received = run("genai-otel.yaml", "");
    assertThat(received.name()).isEqualTo("chat gpt-4o");
    assertThat(received.attributes())
        .isEqualTo(
            expected(
                "llm.provider", "openai",
                "llm.request.model", "gpt-4o",
                "llm.response.model", "gpt-4o-2024-08-06",
                "llm.request.tokens", 12L,
                "llm.response.tokens", 34L,
                "http.route", "/v1/chat/completions",
                "gen_ai.operation.name", "chat",
                "gen_ai.provider.name", "openai",
                "gen_ai.request.model", "gpt-4o",
                "gen_ai.response.model", "gpt-4o-2024-08-06",
                "gen_ai.usage.input_tokens", 12L,
                "gen_ai.usage.output_tokens", 34L));
  }

  @Test
  void openTelemetryWithTheOlderNamesToo() throws Exception {
    Received received =
        run("genai-otel.yaml", ", processors: [transform/genai, transform/genai-legacy, batch]");
    assertThat(received.attributes())
        .contains(
            entry("gen_ai.provider.name", "openai"),
            entry("gen_ai.usage.input_tokens", 12L),
            entry("gen_ai.system", "openai"),
            entry("gen_ai.usage.prompt_tokens", 12L),
            entry("gen_ai.usage.completion_tokens", 34L));
  }

  @Test
  void langfuse() throws Exception {
    Received received = run("genai-langfuse.yaml", "");
    assertThat(received.name()).isEqualTo("llm request");
    assertThat(received.attributes())
        .isEqualTo(
            expected(
                "llm.provider", "openai",
                "llm.request.model", "gpt-4o",
                "llm.response.model", "gpt-4o-2024-08-06",
                "llm.request.tokens", 12L,
                "llm.response.tokens", 34L,
                "http.route", "/v1/chat/completions",
                "langfuse.observation.type", "generation",
                "langfuse.observation.model.name", "gpt-4o-2024-08-06",
                "langfuse.observation.input", "What is OTLP?",
                "langfuse.observation.output", "A protocol.",
                "langfuse.observation.usage_details", "{\"input\":12,\"output\":34}",
                "gen_ai.system", "openai",
                "gen_ai.request.model", "gpt-4o",
                "gen_ai.response.model", "gpt-4o-2024-08-06",
                "gen_ai.usage.input_tokens", 12L,
                "gen_ai.usage.output_tokens", 34L));
  }

  @Test
  void phoenixOpenInference() throws Exception {
    Received received = run("genai-phoenix.yaml", "");
    assertThat(received.attributes())
        .isEqualTo(
            expected(
                "llm.provider", "openai",
                "http.route", "/v1/chat/completions",
                "openinference.span.kind", "LLM",
                "llm.system", "openai",
                "llm.model_name", "gpt-4o-2024-08-06",
                "llm.token_count.prompt", 12L,
                "llm.token_count.completion", 34L,
                "llm.token_count.total", 46L,
                "input.value", "What is OTLP?",
                "input.mime_type", "text/plain",
                "output.value", "A protocol.",
                "output.mime_type", "text/plain",
                "llm.input_messages.0.message.role", "user",
                "llm.input_messages.0.message.content", "What is OTLP?",
                "llm.output_messages.0.message.role", "assistant",
                "llm.output_messages.0.message.content", "A protocol."));
  }

  @Test
  void openLlmetry() throws Exception {
    Received received = run("genai-openllmetry.yaml", "");
    assertThat(received.attributes())
        .isEqualTo(
            expected(
                "http.route", "/v1/chat/completions",
                "gen_ai.system", "openai",
                "gen_ai.request.model", "gpt-4o",
                "gen_ai.response.model", "gpt-4o-2024-08-06",
                "gen_ai.usage.prompt_tokens", 12L,
                "gen_ai.usage.completion_tokens", 34L,
                "llm.usage.total_tokens", 46L,
                "llm.request.type", "chat",
                "gen_ai.prompt.0.role", "user",
                "gen_ai.prompt.0.content", "What is OTLP?",
                "gen_ai.completion.0.role", "assistant",
                "gen_ai.completion.0.content", "A protocol."));
  }
}
