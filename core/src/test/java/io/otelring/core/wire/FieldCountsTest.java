package io.otelring.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.otelring.core.otlpjson.OtlpJsonFixtures;
import org.junit.jupiter.api.Test;

/** Counts on the wire give what the parsed request lists, whatever unknown fields lie between. */
class FieldCountsTest {

  /** Unknown fields of every wire type, a group holding a message and another group among them. */
  private static final UnknownFieldSet UNKNOWN =
      UnknownFieldSet.newBuilder()
          .addField(20, UnknownFieldSet.Field.newBuilder().addVarint(300).build())
          .addField(21, UnknownFieldSet.Field.newBuilder().addFixed64(1).addFixed32(2).build())
          .addField(
              22,
              UnknownFieldSet.Field.newBuilder()
                  .addGroup(
                      UnknownFieldSet.newBuilder()
                          .addField(
                              2,
                              UnknownFieldSet.Field.newBuilder()
                                  .addLengthDelimited(ByteString.copyFromUtf8("not a span"))
                                  .build())
                          .addField(
                              3,
                              UnknownFieldSet.Field.newBuilder()
                                  .addGroup(UnknownFieldSet.getDefaultInstance())
                                  .build())
                          .build())
                  .build())
          .build();

  @Test
  void countsResourcesAndItemsOfATraceRequest() {
    ResourceSpans twoSpans =
        ResourceSpans.newBuilder()
            .setResource(Resource.getDefaultInstance())
            .addScopeSpans(ScopeSpans.newBuilder().addSpans(span("a")).setUnknownFields(UNKNOWN))
            .addScopeSpans(ScopeSpans.newBuilder().addSpans(span("b")))
            .setUnknownFields(UNKNOWN)
            .build();
    ExportTraceServiceRequest request =
        ExportTraceServiceRequest.newBuilder()
            .addResourceSpans(twoSpans)
            .addResourceSpans(ResourceSpans.getDefaultInstance())
            .addResourceSpans(twoSpans)
            .setUnknownFields(UNKNOWN)
            .build();
    byte[] bytes = request.toByteArray();

    assertThat(FieldCounts.count(bytes, 1)).isEqualTo(request.getResourceSpansCount()).isEqualTo(3);
    assertThat(FieldCounts.count(bytes, 1, 2, 2)).isEqualTo(4);
  }

  @Test
  void countsTheMetricsOfAMetricsRequest() {
    ScopeMetrics threeMetrics =
        ScopeMetrics.newBuilder()
            .addMetrics(Metric.newBuilder().setName("a"))
            .addMetrics(Metric.newBuilder().setName("b"))
            .addMetrics(Metric.newBuilder().setName("c"))
            .build();
    ExportMetricsServiceRequest request =
        ExportMetricsServiceRequest.newBuilder()
            .addResourceMetrics(
                ResourceMetrics.newBuilder().addScopeMetrics(threeMetrics).setSchemaUrl("s"))
            .addResourceMetrics(
                ResourceMetrics.newBuilder()
                    .addScopeMetrics(threeMetrics)
                    .addScopeMetrics(ScopeMetrics.getDefaultInstance())
                    .addScopeMetrics(threeMetrics))
            .build();

    assertThat(FieldCounts.count(request.toByteArray(), 1)).isEqualTo(2);
    assertThat(FieldCounts.count(request.toByteArray(), 1, 2, 2)).isEqualTo(9);
  }

  @Test
  void agreesWithTheParsedFormOfRichRequests() {
    ExportMetricsServiceRequest metrics = OtlpJsonFixtures.metrics();
    int metricCount =
        metrics.getResourceMetricsList().stream()
            .flatMap(resource -> resource.getScopeMetricsList().stream())
            .mapToInt(ScopeMetrics::getMetricsCount)
            .sum();
    assertThat(metricCount).isGreaterThan(1);
    assertThat(FieldCounts.count(metrics.toByteArray(), 1, 2, 2)).isEqualTo(metricCount);
    assertThat(FieldCounts.count(metrics.toByteArray(), 1))
        .isEqualTo(metrics.getResourceMetricsCount());
    assertThat(FieldCounts.count(OtlpJsonFixtures.traces().toByteArray(), 1))
        .isEqualTo(OtlpJsonFixtures.traces().getResourceSpansCount());
    assertThat(FieldCounts.count(OtlpJsonFixtures.logs().toByteArray(), 1))
        .isEqualTo(OtlpJsonFixtures.logs().getResourceLogsCount());
  }

  @Test
  void anEmptyRequestHoldsNothingAndAPathNeedsAField() {
    assertThat(FieldCounts.count(new byte[0], 1, 2, 2)).isZero();
    assertThatThrownBy(() -> FieldCounts.count(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Span span(String name) {
    return Span.newBuilder().setName(name).build();
  }
}
