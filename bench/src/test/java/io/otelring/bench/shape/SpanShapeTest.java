package io.otelring.bench.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.ItemCounts;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SpanShapeTest {

  @ParameterizedTest
  @EnumSource(SpanShape.class)
  void bytesPerSpanAreWithinTenPercentOfTheStatedSize(SpanShape shape) {
    ExportTraceServiceRequest request = shape.request(shape.spansPerRequest(), new Random(1));

    double perSpan = (double) request.getSerializedSize() / shape.spansPerRequest();

    assertThat(ItemCounts.spans(request)).isEqualTo(shape.spansPerRequest());
    assertThat(perSpan).isCloseTo(shape.bytesPerSpan(), within(shape.bytesPerSpan() * 0.10));
  }

  @Test
  void shapesHaveTheAttributesTheIssueNames() {
    Span testbed = firstSpan(SpanShape.TESTBED);
    assertThat(testbed.getAttributesList())
        .hasSize(2)
        .allSatisfy(kv -> assertThat(kv.getValue().hasIntValue()).isTrue());

    ExportTraceServiceRequest otelspec = SpanShape.OTELSPEC.request(512, new Random(1));
    Span span = otelspec.getResourceSpans(0).getScopeSpans(0).getSpans(0);
    assertThat(otelspec.getResourceSpans(0).getResource().getAttributesCount()).isEqualTo(3);
    assertThat(span.getEventsCount()).isEqualTo(1);
    assertThat(span.getAttributesList())
        .hasSize(10)
        .allSatisfy(
            kv -> {
              assertThat(kv.getKey()).hasSize(20);
              assertThat(kv.getValue().getStringValue()).hasSize(20);
            });

    assertThat(firstSpan(SpanShape.LARGE).getAttributesCount()).isGreaterThanOrEqualTo(20);

    Span genai = firstSpan(SpanShape.GENAI);
    assertThat(genai.getName()).isEqualTo("POST /v1/chat/completions");
    assertThat(genai.getAttributesList().stream().map(KeyValue::getKey).collect(Collectors.toSet()))
        .contains(
            "llm.provider",
            "llm.request.model",
            "llm.response.model",
            "gen_ai.usage.input_tokens",
            "gen_ai.usage.output_tokens",
            "http.request.method",
            "http.response.status_code");
  }

  @Test
  void requestsOfAPoolHaveDistinctTraceIds() {
    PayloadPool pool = PayloadPool.build(Signal.TRACES, SpanShape.TESTBED, 100, 4, false, 7);
    Set<Object> traceIds = new HashSet<>();
    int spans = 0;
    for (byte[] body : pool.bodies()) {
      for (Span span : spans(body)) {
        traceIds.add(span.getTraceId());
        spans++;
      }
    }
    assertThat(spans).isEqualTo(400);
    // 100 spans a request make 13 traces of up to 8 spans; no trace id repeats across requests.
    assertThat(traceIds).hasSize(4 * 13);
  }

  @Test
  void metricsAndLogsCarryTheAskedNumberOfItems() throws Exception {
    PayloadPool metrics = PayloadPool.build(Signal.METRICS, SpanShape.TESTBED, 50, 2, false, 1);
    PayloadPool logs = PayloadPool.build(Signal.LOGS, SpanShape.TESTBED, 70, 2, true, 1);

    assertThat(
            ItemCounts.dataPoints(
                io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest.parseFrom(
                    metrics.body(0))))
        .isEqualTo(50);
    assertThat(logs.gzipped()).isTrue();
    assertThat(logs.body(1)).isNotEqualTo(logs.body(0));
    assertThat(logs.itemsPerRequest()).isEqualTo(70);
  }

  private static Span firstSpan(SpanShape shape) {
    return shape
        .request(shape.spansPerRequest(), new Random(1))
        .getResourceSpans(0)
        .getScopeSpans(0)
        .getSpans(0);
  }

  private static List<Span> spans(byte[] body) {
    try {
      return ExportTraceServiceRequest.parseFrom(body)
          .getResourceSpans(0)
          .getScopeSpans(0)
          .getSpansList();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
