package io.otelring.bench.shape;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.Locale;
import java.util.Random;

/**
 * The span shapes of the benchmarks (issue 5). Each builds requests with its own attributes and
 * sizes; {@link #bytesPerSpan()} is the stated wire size a test holds each shape to (±10 %).
 *
 * <ul>
 *   <li>{@code testbed}: as the Go collector's testbed load generator — two int attributes.
 *   <li>{@code otelspec}: ten string attributes of 20-character keys and values, three resource
 *       attributes, one event — the primary shape.
 *   <li>{@code large}: 24 attributes and two events, about 2 KB a span.
 *   <li>{@code genai}: server spans of an AI gateway, {@code POST /v1/chat/completions} with the
 *       {@code llm.*}, {@code gen_ai.usage.*} and {@code http.*} attributes such a gateway sends.
 * </ul>
 */
public enum SpanShape {
  TESTBED(100, 150) {
    @Override
    void fill(Span.Builder span, int index, Random random) {
      span.setName("load-generator-span-" + index)
          .setKind(Span.SpanKind.SPAN_KIND_CLIENT)
          .addAttributes(Attributes.integer("load_generator.span_seq_num", index))
          .addAttributes(
              Attributes.integer("load_generator.trace_seq_num", index / SPANS_PER_TRACE));
    }
  },
  OTELSPEC(512, 590) {
    @Override
    void fill(Span.Builder span, int index, Random random) {
      span.setName("otelspec-operation-" + (index % 10)).setKind(Span.SpanKind.SPAN_KIND_INTERNAL);
      for (int a = 0; a < 10; a++) {
        span.addAttributes(
            Attributes.string(
                String.format(Locale.ROOT, "otelspec.attr.key.%02d", a),
                Attributes.text(random, 20)));
      }
      span.addEvents(Attributes.event(span.getStartTimeUnixNano() + 1_000, "otelspec-event"));
    }

    @Override
    Resource resource() {
      return Resource.newBuilder()
          .addAttributes(Attributes.string("service.name", "otelspec-service"))
          .addAttributes(Attributes.string("service.version", "1.0.0"))
          .addAttributes(Attributes.string("host.name", "otelspec-host-01"))
          .build();
    }
  },
  LARGE(100, 2048) {
    @Override
    void fill(Span.Builder span, int index, Random random) {
      span.setName("large-operation-" + (index % 10)).setKind(Span.SpanKind.SPAN_KIND_SERVER);
      for (int a = 0; a < 24; a++) {
        span.addAttributes(
            Attributes.string(
                String.format(Locale.ROOT, "large.attribute.key.%02d", a),
                Attributes.text(random, 50)));
      }
      for (int e = 0; e < 2; e++) {
        span.addEvents(
            Attributes.event(span.getStartTimeUnixNano() + 1_000 * (e + 1), "large-event-" + e));
      }
    }
  },
  GENAI(100, 630) {
    @Override
    void fill(Span.Builder span, int index, Random random) {
      String[] provider = PROVIDERS[index % PROVIDERS.length];
      int input = 200 + random.nextInt(4000);
      int output = 50 + random.nextInt(1000);
      span.setName("POST /v1/chat/completions")
          .setKind(Span.SpanKind.SPAN_KIND_SERVER)
          .addAttributes(Attributes.string("http.request.method", "POST"))
          .addAttributes(Attributes.string("http.route", "/v1/chat/completions"))
          .addAttributes(Attributes.string("url.path", "/v1/chat/completions"))
          .addAttributes(Attributes.string("url.scheme", "https"))
          .addAttributes(Attributes.integer("http.response.status_code", 200))
          .addAttributes(Attributes.string("server.address", "ai-gateway.internal"))
          .addAttributes(Attributes.integer("server.port", 443))
          .addAttributes(Attributes.string("user_agent.original", "OpenAI/Python 1.54.3"))
          .addAttributes(Attributes.string("llm.provider", provider[0]))
          .addAttributes(Attributes.string("llm.request.model", provider[1]))
          .addAttributes(Attributes.string("llm.response.model", provider[2]))
          .addAttributes(Attributes.string("gen_ai.system", provider[0]))
          .addAttributes(Attributes.string("gen_ai.operation.name", "chat"))
          .addAttributes(Attributes.integer("gen_ai.usage.input_tokens", input))
          .addAttributes(Attributes.integer("gen_ai.usage.output_tokens", output))
          .addAttributes(Attributes.integer("llm.usage.total_tokens", input + output));
    }

    @Override
    Resource resource() {
      return Resource.newBuilder()
          .addAttributes(Attributes.string("service.name", "ai-gateway"))
          .addAttributes(Attributes.string("deployment.environment.name", "production"))
          .build();
    }
  };

  /** Spans that share a trace id; the first is the root, the others its children. */
  static final int SPANS_PER_TRACE = 8;

  private static final String[][] PROVIDERS = {
    {"openai", "gpt-4o-mini", "gpt-4o-mini-2024-07-18"},
    {"anthropic", "claude-3-5-sonnet", "claude-3-5-sonnet-20241022"},
    {"azure", "gpt-4o", "gpt-4o-2024-08-06"},
  };

  private final int spansPerRequest;
  private final int bytesPerSpan;

  SpanShape(int spansPerRequest, int bytesPerSpan) {
    this.spansPerRequest = spansPerRequest;
    this.bytesPerSpan = bytesPerSpan;
  }

  /** The spans of one request when {@code --batch} does not say otherwise. */
  public int spansPerRequest() {
    return spansPerRequest;
  }

  /** The stated encoded size of one span in a request of {@link #spansPerRequest()} spans. */
  public int bytesPerSpan() {
    return bytesPerSpan;
  }

  /** The lower-case name used on the command line and in reports. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The shape named on the command line. */
  public static SpanShape of(String name) {
    return valueOf(name.trim().toUpperCase(Locale.ROOT));
  }

  /**
   * One request of {@code spans} spans; ids and random values come from {@code random}, so each
   * request of a pool has its own trace ids.
   */
  public ExportTraceServiceRequest request(int spans, Random random) {
    ScopeSpans.Builder scope = ScopeSpans.newBuilder();
    scope.getScopeBuilder().setName("io.otelring.bench").setVersion("1.0.0");
    long startNanos = 1_700_000_000_000_000_000L + random.nextInt(1_000_000_000);
    byte[] traceId = new byte[16];
    byte[] rootId = new byte[8];
    for (int i = 0; i < spans; i++) {
      if (i % SPANS_PER_TRACE == 0) {
        random.nextBytes(traceId);
        random.nextBytes(rootId);
      }
      Span.Builder span = Span.newBuilder().setTraceId(Attributes.bytes(traceId));
      if (i % SPANS_PER_TRACE == 0) {
        span.setSpanId(Attributes.bytes(rootId));
      } else {
        byte[] spanId = new byte[8];
        random.nextBytes(spanId);
        span.setSpanId(Attributes.bytes(spanId)).setParentSpanId(Attributes.bytes(rootId));
      }
      long start = startNanos + i * 1_000L;
      span.setStartTimeUnixNano(start).setEndTimeUnixNano(start + 1_234_567);
      fill(span, i, random);
      scope.addSpans(span);
    }
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(ResourceSpans.newBuilder().setResource(resource()).addScopeSpans(scope))
        .build();
  }

  abstract void fill(Span.Builder span, int index, Random random);

  Resource resource() {
    return Resource.newBuilder()
        .addAttributes(Attributes.string("service.name", "otelring-loadgen"))
        .build();
  }
}
