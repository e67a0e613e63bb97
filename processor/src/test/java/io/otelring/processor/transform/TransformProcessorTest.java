package io.otelring.processor.transform;

import static io.otelring.processor.TestItems.asMap;
import static io.otelring.processor.TestItems.attributes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.google.protobuf.ByteString;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import io.otelring.core.component.Processor;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.Telemetry;
import io.otelring.core.testing.RecordingConsumer;
import io.otelring.processor.TestItems;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CEL transform: every variable, dotted keys, flatten, rename, failures, fast paths. */
class TransformProcessorTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final RecordingConsumer next = new RecordingConsumer();

  private static final Resource RESOURCE =
      TestItems.resource("service.name", "gateway", "deployment.environment", "prod");
  private static final InstrumentationScope SCOPE =
      InstrumentationScope.newBuilder()
          .setName("ai-gateway")
          .setVersion("1.2.3")
          .addAllAttributes(attributes("scope.team", "platform"))
          .build();

  private Span transformSpan(String yaml, Span span) throws Exception {
    Processor processor =
        TestItems.processor(new TransformProcessorFactory(), yaml, Signal.TRACES, next, meters);
    processor.consume(Telemetry.traces(TestItems.traces(RESOURCE, SCOPE, span)));
    return TestItems.only(next).traces().getResourceSpans(0).getScopeSpans(0).getSpans(0);
  }

  private static Span gatewaySpan() {
    return Span.newBuilder()
        .setName("llm call")
        .setKind(Span.SpanKind.SPAN_KIND_CLIENT)
        .setTraceId(ByteString.fromHex("0102030405060708090a0b0c0d0e0f10"))
        .setSpanId(ByteString.fromHex("1112131415161718"))
        .setParentSpanId(ByteString.fromHex("2122232425262728"))
        .setStartTimeUnixNano(1_700_000_000_000_000_000L)
        .setEndTimeUnixNano(1_700_000_001_500_000_000L)
        .setStatus(
            Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR).setMessage("boom"))
        .addEvents(
            Span.Event.newBuilder()
                .setName("first-token")
                .setTimeUnixNano(1_700_000_000_250_000_000L)
                .addAllAttributes(attributes("token.index", 0)))
        .addAllAttributes(
            attributes(
                "llm.provider", "openai",
                "llm.request.model", "gpt-4o",
                "llm.response.model", "gpt-4o-2024-08-06",
                "llm.request.tokens", 12,
                "llm.response.tokens", 34,
                "llm.params.temperature", 0.2,
                "llm.params.max_tokens", 256,
                "llm.prompt", "hello",
                "llm.prompt.0.role", "user"))
        .build();
  }

  @Test
  void theIssueExampleEnrichesRenamesAndRemoves() throws Exception {
    String yaml =
        """
        where: 'attributes["llm.provider"] != ""'
        fields:
          add:
            gen_ai.operation.name: '"chat"'
            gen_ai.provider.name: llm.provider
            gen_ai.request.model: llm.request.model
            gen_ai.usage.input_tokens: llm.request.tokens
            gen_ai.request: 'flatten(llm.params)'
            span.name: '"chat " + llm.request.model'
          remove: [llm.prompt]
        """;
    Span out = transformSpan(yaml, gatewaySpan());

    assertThat(out.getName()).isEqualTo("chat gpt-4o");
    assertThat(asMap(out.getAttributesList()))
        .containsExactly(
            entry("llm.provider", "openai"),
            entry("llm.request.model", "gpt-4o"),
            entry("llm.response.model", "gpt-4o-2024-08-06"),
            entry("llm.request.tokens", 12L),
            entry("llm.response.tokens", 34L),
            entry("llm.params.temperature", 0.2),
            entry("llm.params.max_tokens", 256L),
            entry("gen_ai.operation.name", "chat"),
            entry("gen_ai.provider.name", "openai"),
            entry("gen_ai.request.model", "gpt-4o"),
            entry("gen_ai.usage.input_tokens", 12L),
            entry("gen_ai.request.temperature", 0.2),
            entry("gen_ai.request.max_tokens", 256L));
    assertThat(out.getEventsList()).isEqualTo(gatewaySpan().getEventsList());
  }

  @Test
  void dottedKeysReadTheSameAsIndexedAndNestedAccess() throws Exception {
    String yaml =
        """
        fields:
          add:
            a: llm.request.model
            b: 'attributes["llm.request.model"]'
            c: attributes.llm.request.model
            d: 'attributes.llm["request.model"]'
            e: 'llm.request.tokens + llm.response.tokens'
            f: 'has(llm.request.model) && !has(llm.nothing)'
            g: '"llm.request.model" in attributes'
        """;
    assertThat(asMap(transformSpan(yaml, gatewaySpan()).getAttributesList()))
        .contains(
            entry("a", "gpt-4o"),
            entry("b", "gpt-4o"),
            entry("c", "gpt-4o"),
            entry("d", "gpt-4o"),
            entry("e", 46L),
            entry("f", true),
            entry("g", true));
  }

  @Test
  void everySpanVariable() throws Exception {
    String yaml =
        """
        fields:
          add:
            v.name: span.name
            v.kind: span.kind
            v.status: span.status.code
            v.status_message: span.status.message
            v.start: span.start
            v.end: 'string(span.end)'
            v.duration: 'string(span.duration)'
            v.slow: 'span.duration > duration("1s")'
            v.after_start: 'span.end > span.start'
            v.trace_id: span.trace_id
            v.span_id: span.span_id
            v.parent_span_id: span.parent_span_id
            v.events: 'span.events.map(e, e.name)'
            v.event_index: 'span.events[0].attributes["token.index"]'
            v.first_token_ms: '(span.events[0].time - span.start).getMilliseconds()'
            v.service: 'resource["service.name"]'
            v.env: resource.deployment.environment
            v.scope: 'scope.name + "@" + scope.version'
            v.team: 'scope.attributes["scope.team"]'
        """;
    Map<String, Object> out = asMap(transformSpan(yaml, gatewaySpan()).getAttributesList());
    assertThat(out)
        .contains(
            entry("v.name", "llm call"),
            entry("v.kind", "SPAN_KIND_CLIENT"),
            entry("v.status", "STATUS_CODE_ERROR"),
            entry("v.status_message", "boom"),
            entry("v.start", "2023-11-14T22:13:20Z"),
            entry("v.end", "2023-11-14T22:13:21.500Z"),
            entry("v.duration", "1.500s"),
            entry("v.slow", true),
            entry("v.after_start", true),
            entry("v.trace_id", "0102030405060708090a0b0c0d0e0f10"),
            entry("v.span_id", "1112131415161718"),
            entry("v.parent_span_id", "2122232425262728"),
            entry("v.events", "[\"first-token\"]"),
            entry("v.event_index", 0L),
            entry("v.first_token_ms", 250L),
            entry("v.service", "gateway"),
            entry("v.env", "prod"),
            entry("v.scope", "ai-gateway@1.2.3"),
            entry("v.team", "platform"));
  }

  @Test
  void flattenOneLevelAndRecursive() throws Exception {
    String yaml =
        """
        fields:
          add:
            one: 'flatten({"a": {"b": 1}, "c": [1, 2]})'
            all: 'flattenRecursive({"a": {"b": 1}, "c": ["x", {"d": true}]})'
            list: 'flatten(["p", "q"])'
            literal_list: '["p", "q"]'
        """;
    Map<String, Object> out =
        asMap(transformSpan(yaml, Span.newBuilder().setName("s").build()).getAttributesList());
    assertThat(out)
        .containsExactly(
            entry("one.a", "{\"b\":1}"),
            entry("one.c", "[1,2]"),
            entry("all.a.b", 1L),
            entry("all.c.0", "x"),
            entry("all.c.1.d", true),
            entry("list.0", "p"),
            entry("list.1", "q"),
            entry("literal_list", "[\"p\",\"q\"]"));
  }

  @Test
  void aFailingFieldIsSkippedAndCountedNotTheSpan() throws Exception {
    String yaml =
        """
        fields:
          add:
            ok: llm.provider
            missing: llm.completion
            broken: 'llm.request.tokens / 0'
            null_value: 'null'
            flat_scalar: 'flatten(llm.provider)'
            also_ok: '"x"'
        """;
    Span out = transformSpan(yaml, gatewaySpan());
    assertThat(asMap(out.getAttributesList()))
        .containsEntry("ok", "openai")
        .containsEntry("also_ok", "x")
        .doesNotContainKeys("missing", "broken", "null_value", "flat_scalar");
    for (String field : List.of("missing", "broken", "null_value", "flat_scalar")) {
      assertThat(
              meters
                  .get("otelring_processor_transform_field_failures")
                  .tag("processor", "transform/test")
                  .tag("field", field)
                  .counter()
                  .count())
          .as(field)
          .isEqualTo(1.0);
    }
    assertThat(
            meters
                .get("otelring_processor_transform_field_failures")
                .tag("field", "ok")
                .counter()
                .count())
        .isZero();
  }

  @Test
  void whereSelectsAndAFailingWhereLeavesTheSpanAlone() throws Exception {
    String yaml =
        """
        where: 'attributes["llm.provider"] == "openai"'
        fields: {add: {tagged: 'true'}}
        """;
    Processor processor =
        TestItems.processor(new TransformProcessorFactory(), yaml, Signal.TRACES, next, meters);
    Span other = TestItems.span("other", attributes("llm.provider", "anthropic"));
    Span none = TestItems.span("none", attributes());
    Telemetry in = Telemetry.traces(TestItems.traces(RESOURCE, SCOPE, gatewaySpan(), other, none));
    processor.consume(in);
    List<Span> spans =
        TestItems.only(next).traces().getResourceSpans(0).getScopeSpans(0).getSpansList();
    assertThat(asMap(spans.get(0).getAttributesList())).containsEntry("tagged", true);
    assertThat(spans.get(1)).isSameAs(other);
    assertThat(spans.get(2)).isSameAs(none);
    assertThat(meters.get("otelring_processor_transform_where_failures").counter().count())
        .isEqualTo(1.0);
  }

  @Test
  void logsHaveTheirVariablesAndKeepTheirBody() throws Exception {
    String yaml =
        """
        fields:
          add:
            body: log.body
            sev: 'log.severity_text + "/" + string(log.severity_number)'
            service: 'resource["service.name"]'
            copy: user.id
          remove: [secret]
        """;
    Processor processor =
        TestItems.processor(new TransformProcessorFactory(), yaml, Signal.LOGS, next, meters);
    LogRecord record =
        LogRecord.newBuilder()
            .setBody(AnyValue.newBuilder().setStringValue("hi"))
            .setSeverityText("WARN")
            .setSeverityNumber(SeverityNumber.SEVERITY_NUMBER_WARN)
            .addAllAttributes(attributes("user.id", "u1", "secret", "s"))
            .build();
    processor.consume(Telemetry.logs(TestItems.logs(RESOURCE, SCOPE, record)));
    LogRecord out = TestItems.only(next).logs().getResourceLogs(0).getScopeLogs(0).getLogRecords(0);
    assertThat(out.getBody()).isEqualTo(record.getBody());
    assertThat(asMap(out.getAttributesList()))
        .containsExactly(
            entry("user.id", "u1"),
            entry("body", "hi"),
            entry("sev", "WARN/13"),
            entry("service", "gateway"),
            entry("copy", "u1"));
  }

  @Test
  void metricDataPointsHaveTheMetricVariable() throws Exception {
    String yaml =
        """
        fields:
          add:
            metric.name: 'metric.name + ":" + metric.type'
            route: http.route
        """;
    Processor processor =
        TestItems.processor(new TransformProcessorFactory(), yaml, Signal.METRICS, next, meters);
    processor.consume(
        Telemetry.metrics(TestItems.gauge(RESOURCE, "requests", attributes("http.route", "/a"))));
    List<KeyValue> out =
        TestItems.only(next)
            .metrics()
            .getResourceMetrics(0)
            .getScopeMetrics(0)
            .getMetrics(0)
            .getGauge()
            .getDataPoints(0)
            .getAttributesList();
    assertThat(asMap(out))
        .containsExactly(
            entry("http.route", "/a"),
            entry("metric.name", "requests:Gauge"),
            entry("route", "/a"));
  }

  @Test
  void plainReferencesAndLiteralsSkipTheInterpreter() throws Exception {
    assertThat(FieldExpression.compile("llm.request.model"))
        .isInstanceOf(FieldExpression.AttributeReference.class);
    assertThat(FieldExpression.compile("attributes[\"llm.request.model\"]"))
        .isInstanceOfSatisfying(
            FieldExpression.AttributeReference.class,
            ref -> assertThat(ref.key()).isEqualTo("llm.request.model"));
    assertThat(FieldExpression.compile("attributes.llm.request.model"))
        .isInstanceOfSatisfying(
            FieldExpression.AttributeReference.class,
            ref -> assertThat(ref.key()).isEqualTo("llm.request.model"));
    assertThat(FieldExpression.compile("\"chat\"")).isInstanceOf(FieldExpression.Constant.class);
    assertThat(FieldExpression.compile("42")).isInstanceOf(FieldExpression.Constant.class);
    assertThat(FieldExpression.compile("span.name"))
        .isInstanceOf(FieldExpression.Interpreted.class);
    assertThat(FieldExpression.compile("\"a\" + llm.provider"))
        .isInstanceOf(FieldExpression.Interpreted.class);
  }
}
