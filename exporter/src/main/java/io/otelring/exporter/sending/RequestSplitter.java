package io.otelring.exporter.sending;

import com.google.protobuf.Message;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.ClientMetadata;
import io.otelring.core.consumer.Telemetry;
import io.otelring.core.wire.TopLevelFields;
import io.otelring.core.wire.WireCut;
import io.otelring.core.wire.WireScanner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Cuts a request whose serialized size is over a limit into requests under it, before it is sent:
 * Tempo refuses gRPC messages over 4 MiB, and a refused oversized batch would be lost for good.
 * Resource and scope groups are kept: a cut group is repeated, with its resource and scope, in each
 * part. The smallest unit is a span, a log record or a metric (a data point for unparsed bytes);
 * one larger than the limit is sent alone (and the backend decides).
 */
public final class RequestSplitter {

  /** Bytes of a field's tag and length prefix, at most, per nested message. */
  private static final int FIELD_OVERHEAD = 6;

  /** One level of nesting: a message's repeated children, and a copy with other children. */
  private record Level(
      Function<Message, List<? extends Message>> children,
      BiFunction<Message, List<Message>, Message> withChildren) {}

  private static final List<Level> TRACES =
      List.of(
          new Level(
              m -> ((ExportTraceServiceRequest) m).getResourceSpansList(),
              (m, c) ->
                  ((ExportTraceServiceRequest) m)
                      .toBuilder().clearResourceSpans().addAllResourceSpans(cast(c)).build()),
          new Level(
              m -> ((ResourceSpans) m).getScopeSpansList(),
              (m, c) ->
                  ((ResourceSpans) m)
                      .toBuilder().clearScopeSpans().addAllScopeSpans(cast(c)).build()),
          new Level(
              m -> ((ScopeSpans) m).getSpansList(),
              (m, c) -> ((ScopeSpans) m).toBuilder().clearSpans().addAllSpans(cast(c)).build()));

  private static final List<Level> LOGS =
      List.of(
          new Level(
              m -> ((ExportLogsServiceRequest) m).getResourceLogsList(),
              (m, c) ->
                  ((ExportLogsServiceRequest) m)
                      .toBuilder().clearResourceLogs().addAllResourceLogs(cast(c)).build()),
          new Level(
              m -> ((ResourceLogs) m).getScopeLogsList(),
              (m, c) ->
                  ((ResourceLogs) m).toBuilder().clearScopeLogs().addAllScopeLogs(cast(c)).build()),
          new Level(
              m -> ((ScopeLogs) m).getLogRecordsList(),
              (m, c) ->
                  ((ScopeLogs) m).toBuilder().clearLogRecords().addAllLogRecords(cast(c)).build()));

  private static final List<Level> METRICS =
      List.of(
          new Level(
              m -> ((ExportMetricsServiceRequest) m).getResourceMetricsList(),
              (m, c) ->
                  ((ExportMetricsServiceRequest) m)
                      .toBuilder().clearResourceMetrics().addAllResourceMetrics(cast(c)).build()),
          new Level(
              m -> ((ResourceMetrics) m).getScopeMetricsList(),
              (m, c) ->
                  ((ResourceMetrics) m)
                      .toBuilder().clearScopeMetrics().addAllScopeMetrics(cast(c)).build()),
          new Level(
              m -> ((ScopeMetrics) m).getMetricsList(),
              (m, c) ->
                  ((ScopeMetrics) m).toBuilder().clearMetrics().addAllMetrics(cast(c)).build()));

  private RequestSplitter() {}

  /**
   * The request as it is when it fits in {@code maxBytes} (or the limit is 0), else its parts, in
   * order, each carrying the original's client metadata.
   */
  public static List<Telemetry> split(Telemetry telemetry, long maxBytes) {
    if (maxBytes <= 0 || telemetry.serializedSize() <= maxBytes) {
      return List.of(telemetry);
    }
    if (telemetry.isUnparsed()) {
      List<Telemetry> parts = splitOnTheWire(telemetry, maxBytes);
      if (parts != null) {
        return parts;
      }
    }
    List<Telemetry> parts = new ArrayList<>();
    switch (telemetry.signal()) {
      case TRACES -> {
        for (Message part : split(telemetry.traces(), TRACES, 0, maxBytes)) {
          parts.add(Telemetry.traces((ExportTraceServiceRequest) part, telemetry.metadata()));
        }
      }
      case METRICS -> {
        for (Message part : split(telemetry.metrics(), METRICS, 0, maxBytes)) {
          parts.add(Telemetry.metrics((ExportMetricsServiceRequest) part, telemetry.metadata()));
        }
      }
      case LOGS -> {
        for (Message part : split(telemetry.logs(), LOGS, 0, maxBytes)) {
          parts.add(Telemetry.logs((ExportLogsServiceRequest) part, telemetry.metadata()));
        }
      }
    }
    return parts;
  }

  /**
   * Cuts unparsed bytes between their resource groups, packing them greedily: nothing is parsed or
   * encoded, and a batch's requests that fit stay whole and uncopied ({@link Telemetry#join}); only
   * a request over the limit is cut into its groups, and a group over the limit is cut by items on
   * the wire ({@link #cutToFit}). Null when the bytes cannot be cut between their top-level fields
   * (a group field), which the parsing path then splits.
   */
  private static List<Telemetry> splitOnTheWire(Telemetry telemetry, long maxBytes) {
    Signal signal = telemetry.signal();
    ClientMetadata metadata = telemetry.metadata();
    // Whole requests, or the groups of one too large, in order; each within the limit.
    List<Telemetry> units = new ArrayList<>();
    for (Telemetry request : telemetry.wirePieces()) {
      if (request.serializedSize() <= maxBytes) {
        units.add(request);
        continue;
      }
      byte[] piece = request.toByteArray(); // one piece: its array, not a copy
      int[] ends;
      try {
        ends = TopLevelFields.boundaries(piece);
      } catch (IllegalArgumentException e) {
        return null;
      }
      for (int k = 1; k < ends.length; k++) {
        Telemetry group =
            checked(signal, Arrays.copyOfRange(piece, ends[k - 1], ends[k]), metadata);
        if (group.serializedSize() <= maxBytes) {
          units.add(group);
        } else {
          cutToFit(group, maxBytes, units);
        }
      }
    }
    List<Telemetry> parts = new ArrayList<>();
    List<Telemetry> part = new ArrayList<>();
    long size = 0;
    for (Telemetry unit : units) {
      if (size + unit.serializedSize() > maxBytes && !part.isEmpty()) {
        parts.add(Telemetry.join(signal, part, metadata));
        part = new ArrayList<>();
        size = 0;
      }
      part.add(unit);
      size += unit.serializedSize();
    }
    if (!part.isEmpty()) {
      parts.add(Telemetry.join(signal, part, metadata));
    }
    return parts;
  }

  /**
   * Cuts one resource group over the limit into requests under it, by items, on the wire: each cut
   * takes as many items as the group's average item size says will fit, and fewer while the head
   * (which repeats the resource and scope) is still over. An item over the limit goes alone.
   */
  private static void cutToFit(Telemetry group, long maxBytes, List<Telemetry> units) {
    Signal signal = group.signal();
    byte[] rest = group.toByteArray();
    int items = group.itemCount();
    while (rest.length > maxBytes && items > 1) {
      int room = fitting(items, rest.length, maxBytes);
      WireCut.Halves halves = WireCut.cut(signal, rest, room);
      while (halves.head().length > maxBytes && room > 1) {
        room = Math.min(room - 1, fitting(room, halves.head().length, maxBytes));
        halves = WireCut.cut(signal, rest, room);
      }
      units.add(Telemetry.fromWire(signal, halves.head(), room, group.metadata()));
      rest = halves.tail();
      items -= room;
    }
    units.add(Telemetry.fromWire(signal, rest, items, group.metadata()));
  }

  /**
   * How many of {@code items} items in {@code size} bytes fit in {@code maxBytes}: 1 to items − 1.
   */
  private static int fitting(int items, long size, long maxBytes) {
    long estimate = items * maxBytes / size;
    return (int) Math.max(1, Math.min(items - 1, estimate));
  }

  /** Whole groups of a checked request: counted without checking them again. */
  private static Telemetry checked(Signal signal, byte[] bytes, ClientMetadata metadata) {
    return Telemetry.fromWire(signal, bytes, WireScanner.countChecked(signal, bytes), metadata);
  }

  /**
   * Packs the children of {@code node} greedily into copies of it of at most {@code budget} bytes;
   * a child too large for an empty copy is itself split, one level down.
   */
  private static List<Message> split(Message node, List<Level> levels, int depth, long budget) {
    if (depth == levels.size() || node.getSerializedSize() <= budget) {
      return List.of(node);
    }
    Level level = levels.get(depth);
    long shell = level.withChildren().apply(node, List.of()).getSerializedSize();
    List<Message> out = new ArrayList<>();
    List<Message> group = new ArrayList<>();
    long used = shell;
    for (Message child : level.children().apply(node)) {
      long size = child.getSerializedSize() + FIELD_OVERHEAD;
      if (used + size <= budget) {
        group.add(child);
        used += size;
        continue;
      }
      if (!group.isEmpty()) {
        out.add(level.withChildren().apply(node, group));
        group = new ArrayList<>();
        used = shell;
      }
      if (used + size <= budget) {
        group.add(child);
        used += size;
        continue;
      }
      for (Message piece : split(child, levels, depth + 1, budget - shell - FIELD_OVERHEAD)) {
        out.add(level.withChildren().apply(node, List.of(piece)));
      }
    }
    if (!group.isEmpty()) {
      out.add(level.withChildren().apply(node, group));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> cast(List<Message> children) {
    return (List<T>) (List<?>) children;
  }
}
