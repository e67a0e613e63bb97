package io.otelring.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import com.google.protobuf.UnknownFieldSet;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.otelring.core.component.Signal;
import io.otelring.core.otlpjson.OtlpJsonFixtures;
import io.otelring.core.testing.Requests;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A request cut on the wire, at every possible place, gives two requests that parse, hold the items
 * before and after the cut, and keep every item under the same resource, scope and metric (every
 * other field of those included, unknown ones too) as in the original.
 */
class WireCutTest {

  /** The fields whose occurrences are items, and those on the way to them. */
  private static final Set<String> ITEMS =
      Set.of(
          "opentelemetry.proto.trace.v1.ScopeSpans.spans",
          "opentelemetry.proto.logs.v1.ScopeLogs.log_records",
          "opentelemetry.proto.metrics.v1.Gauge.data_points",
          "opentelemetry.proto.metrics.v1.Sum.data_points",
          "opentelemetry.proto.metrics.v1.Histogram.data_points",
          "opentelemetry.proto.metrics.v1.ExponentialHistogram.data_points",
          "opentelemetry.proto.metrics.v1.Summary.data_points");

  private static final Set<String> PATHS =
      Set.of(
          "opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest.resource_spans",
          "opentelemetry.proto.trace.v1.ResourceSpans.scope_spans",
          "opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest.resource_logs",
          "opentelemetry.proto.logs.v1.ResourceLogs.scope_logs",
          "opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest.resource_metrics",
          "opentelemetry.proto.metrics.v1.ResourceMetrics.scope_metrics",
          "opentelemetry.proto.metrics.v1.ScopeMetrics.metrics",
          "opentelemetry.proto.metrics.v1.Metric.gauge",
          "opentelemetry.proto.metrics.v1.Metric.sum",
          "opentelemetry.proto.metrics.v1.Metric.histogram",
          "opentelemetry.proto.metrics.v1.Metric.exponential_histogram",
          "opentelemetry.proto.metrics.v1.Metric.summary");

  static Stream<Arguments> fixtures() {
    ExportTraceServiceRequest traces = OtlpJsonFixtures.traces();
    ExportTraceServiceRequest twice =
        traces.toBuilder()
            .addAllResourceSpans(Requests.spans("cut", 5).getResourceSpansList())
            .build();
    ResourceSpans withUnknown =
        Requests.spans("unknown", 4).getResourceSpans(0).toBuilder()
            .setUnknownFields(
                UnknownFieldSet.newBuilder()
                    .addField(99, UnknownFieldSet.Field.newBuilder().addVarint(7).build())
                    .build())
            .build();
    return Stream.of(
        Arguments.of(Signal.TRACES, traces),
        Arguments.of(Signal.TRACES, twice),
        Arguments.of(
            Signal.TRACES,
            ExportTraceServiceRequest.newBuilder().addResourceSpans(withUnknown).build()),
        Arguments.of(Signal.METRICS, OtlpJsonFixtures.metrics()),
        Arguments.of(
            Signal.METRICS,
            OtlpJsonFixtures.metrics().toBuilder()
                .addAllResourceMetrics(OtlpJsonFixtures.metrics().getResourceMetricsList())
                .build()),
        Arguments.of(Signal.LOGS, OtlpJsonFixtures.logs()),
        Arguments.of(Signal.LOGS, Requests.logs("cut", 7)));
  }

  @ParameterizedTest(name = "{0} #{index}")
  @MethodSource("fixtures")
  void everyCutKeepsEveryItemOnceInOrderUnderItsGroups(Signal signal, Message request)
      throws Exception {
    byte[] bytes = request.toByteArray();
    List<String> items = flatten(request);
    assertThat(items).hasSizeGreaterThan(1);

    for (int room = 1; room < items.size(); room++) {
      WireCut.Halves halves = WireCut.cut(signal, bytes, room);

      Message head = parse(signal, halves.head());
      Message tail = parse(signal, halves.tail());
      assertThat(flatten(head)).as("head at %d", room).isEqualTo(items.subList(0, room));
      assertThat(flatten(tail)).as("tail at %d", room).isEqualTo(items.subList(room, items.size()));
      assertThat(WireScanner.scan(signal, halves.head()).items()).isEqualTo(room);
    }
  }

  @Test
  void aRequestWithoutEnoughItemsIsRefused() {
    byte[] bytes = Requests.spans("few", 3).toByteArray();

    assertThatThrownBy(() -> WireCut.cut(Signal.TRACES, bytes, 4))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WireCut.cut(Signal.TRACES, bytes, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Message parse(Signal signal, byte[] bytes) throws Exception {
    return switch (signal) {
      case TRACES -> ExportTraceServiceRequest.parseFrom(bytes);
      case METRICS -> ExportMetricsServiceRequest.parseFrom(bytes);
      case LOGS -> ExportLogsServiceRequest.parseFrom(bytes);
    };
  }

  /**
   * One line per item: the item, after every message above it with its items and the fields on the
   * way to them cleared — what the item is grouped under.
   */
  private static List<String> flatten(Message request) {
    List<String> lines = new ArrayList<>();
    flatten(request, "", lines);
    return lines;
  }

  private static void flatten(Message message, String context, List<String> lines) {
    Message.Builder shell = message.toBuilder();
    List<FieldDescriptor> descending = new ArrayList<>();
    for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
      if (ITEMS.contains(field.getFullName()) || PATHS.contains(field.getFullName())) {
        shell.clearField(field);
        descending.add(field);
      }
    }
    String here = context + " / " + TextFormat.shortDebugString(shell.build());
    for (FieldDescriptor field : descending) {
      List<Message> children = new ArrayList<>();
      if (field.isRepeated()) {
        for (int i = 0; i < message.getRepeatedFieldCount(field); i++) {
          children.add((Message) message.getRepeatedField(field, i));
        }
      } else if (message.hasField(field)) {
        children.add((Message) message.getField(field));
      }
      for (Message child : children) {
        if (ITEMS.contains(field.getFullName())) {
          lines.add(here + " : " + TextFormat.shortDebugString(child));
        } else {
          flatten(child, here, lines);
        }
      }
    }
  }
}
