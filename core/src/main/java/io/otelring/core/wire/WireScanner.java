package io.otelring.core.wire;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.otelring.core.component.Signal;
import java.util.Map;
import java.util.Set;

/**
 * Checks an OTLP export request in its protobuf wire form and counts its items, without building
 * any objects: one walk over the bytes that accepts exactly what protobuf-java's parser accepts
 * (well-formed tags, varints and lengths; UTF-8 in string fields, as proto3 requires; the parser's
 * nesting limit; unknown fields and fields with an unexpected wire type skipped, as the parser
 * skips them). So a receiver can refuse malformed input as before and still hand the bytes on
 * unparsed.
 *
 * <p>One corner is stricter than protobuf-java reading an array: a 64-bit varint whose tenth byte
 * still has its continuation bit set. That parser's fast path ignores the bit; its byte-by-byte
 * path, Go's parser and this scanner refuse the varint as malformed (a backend written in Go would
 * refuse the whole batch it ended up in).
 */
public final class WireScanner {

  static final int VARINT = 0;
  static final int FIXED64 = 1;
  static final int LENGTH_DELIMITED = 2;
  static final int START_GROUP = 3;
  static final int END_GROUP = 4;
  static final int FIXED32 = 5;

  /** protobuf-java's default recursion limit. */
  private static final int MAX_DEPTH = 100;

  /**
   * The ids a receiver screens (a span's or log record's trace, span and parent span id): 16 or 8
   * bytes, or empty.
   */
  private static final Map<String, Integer> SCREENED_IDS =
      Map.of(
          "opentelemetry.proto.trace.v1.Span.trace_id", 16,
          "opentelemetry.proto.trace.v1.Span.span_id", 8,
          "opentelemetry.proto.trace.v1.Span.parent_span_id", 8,
          "opentelemetry.proto.logs.v1.LogRecord.trace_id", 16,
          "opentelemetry.proto.logs.v1.LogRecord.span_id", 8);

  private static final MessageShape TRACES =
      MessageShape.of(
          ExportTraceServiceRequest.getDescriptor(),
          Set.of("opentelemetry.proto.trace.v1.ScopeSpans.spans"),
          SCREENED_IDS);
  private static final MessageShape METRICS =
      MessageShape.of(
          ExportMetricsServiceRequest.getDescriptor(),
          Set.of(
              "opentelemetry.proto.metrics.v1.Gauge.data_points",
              "opentelemetry.proto.metrics.v1.Sum.data_points",
              "opentelemetry.proto.metrics.v1.Histogram.data_points",
              "opentelemetry.proto.metrics.v1.ExponentialHistogram.data_points",
              "opentelemetry.proto.metrics.v1.Summary.data_points"),
          SCREENED_IDS);
  private static final MessageShape LOGS =
      MessageShape.of(
          ExportLogsServiceRequest.getDescriptor(),
          Set.of("opentelemetry.proto.logs.v1.ScopeLogs.log_records"),
          SCREENED_IDS);

  private final byte[] bytes;
  int position; // package-private for the walks that reuse this reader (WireCut)
  private int items;
  private boolean badIds;

  /**
   * What a scan found.
   *
   * @param items spans, data points or log records, as {@link io.otelring.core.consumer.ItemCounts}
   *     counts them
   * @param badIds true when a span or log record has an id of an impossible length, which a
   *     receiver screens out (and so must parse the request)
   */
  public record Result(int items, boolean badIds) {}

  WireScanner(byte[] bytes, int offset) {
    this.bytes = bytes;
    this.position = offset;
  }

  /**
   * Scans one export request.
   *
   * @throws MalformedWireException where the parser would fail, with a short reason
   */
  public static Result scan(Signal signal, byte[] bytes, int offset, int length)
      throws MalformedWireException {
    if (offset < 0 || length < 0 || offset + length > bytes.length) {
      throw new IndexOutOfBoundsException("offset " + offset + ", length " + length);
    }
    WireScanner scanner = new WireScanner(bytes, offset);
    scanner.message(shapeOf(signal), offset + length, 0);
    return new Result(scanner.items, scanner.badIds);
  }

  public static Result scan(Signal signal, byte[] bytes) throws MalformedWireException {
    return scan(signal, bytes, 0, bytes.length);
  }

  /**
   * Counts the items of bytes that a scan already accepted (a run of whole top-level fields cut
   * from a checked request, say). Nothing needs checking again, so the walk skips every item whole,
   * and every message no item can be in: a small fraction of a full scan's work.
   */
  public static int countChecked(Signal signal, byte[] bytes) {
    try {
      return countChecked(shapeOf(signal), bytes, 0, bytes.length);
    } catch (MalformedWireException e) {
      throw new IllegalArgumentException("these bytes were not checked: " + e.getMessage(), e);
    }
  }

  /** Counts the items of one checked message of {@code shape} in {@code [offset, end)}. */
  static int countChecked(MessageShape shape, byte[] bytes, int offset, int end)
      throws MalformedWireException {
    WireScanner scanner = new WireScanner(bytes, offset);
    scanner.count(shape, end);
    return scanner.items;
  }

  static MessageShape shapeOf(Signal signal) {
    return switch (signal) {
      case TRACES -> TRACES;
      case METRICS -> METRICS;
      case LOGS -> LOGS;
    };
  }

  /** Counts the items up to {@code end} of checked bytes, descending only on the way to items. */
  private void count(MessageShape shape, int end) throws MalformedWireException {
    while (position < end) {
      int tag = tag(end);
      int field = tag >>> 3;
      int wireType = tag & 7;
      if (wireType != LENGTH_DELIMITED) {
        skip(wireType, field, end, 0);
        continue;
      }
      int length = length(end); // read first: it moves the position past the length itself
      int valueEnd = position + length;
      if (shape.known(field) && shape.wireType[field] == LENGTH_DELIMITED) {
        if (shape.item[field]) {
          items++;
        } else if (shape.leadsToItems[field]) {
          count(shape.child[field], valueEnd);
        }
      }
      position = valueEnd;
    }
  }

  /** Walks the fields of one message up to {@code end}. */
  private void message(MessageShape shape, int end, int depth) throws MalformedWireException {
    while (position < end) {
      int tag = tag(end);
      switch (shape.action(tag)) {
        case MessageShape.SKIP_VARINT -> varint(end);
        case MessageShape.SKIP_FIXED64 -> advance(8, end);
        case MessageShape.SKIP_FIXED32 -> advance(4, end);
        case MessageShape.SKIP_BYTES -> {
          int length = length(end); // read first: it moves the position past the length itself
          position += length;
        }
        case MessageShape.STRING -> string(end);
        case MessageShape.ID -> id(shape.idLength[tag >>> 3], end);
        case MessageShape.ITEM -> {
          items++;
          child(shape.child[tag >>> 3], end, depth);
        }
        case MessageShape.MESSAGE -> child(shape.child[tag >>> 3], end, depth);
        case MessageShape.ATTRIBUTE -> {
          int after = depth + 1 < MAX_DEPTH ? CommonAttribute.end(bytes, position, end, tag) : -1;
          if (after >= 0) {
            position = after;
          } else {
            child(shape.child[tag >>> 3], end, depth);
          }
        }
        case MessageShape.PACKED -> packed(shape.wireType[tag >>> 3], end);
        default -> skip(tag & 7, tag >>> 3, end, depth); // groups, and wire types that are errors
      }
    }
    if (position != end) {
      throw truncated();
    }
  }

  /** A message field's value, after its tag. */
  private void child(MessageShape child, int end, int depth) throws MalformedWireException {
    int length = length(end);
    if (depth >= MAX_DEPTH) {
      throw new MalformedWireException("messages nested too deeply");
    }
    message(child, position + length, depth + 1);
  }

  /** A string field's value, after its tag. */
  private void string(int end) throws MalformedWireException {
    int length = length(end);
    int valueEnd = position + length;
    if (!Utf8.isValid(bytes, position, valueEnd)) {
      throw new MalformedWireException("a string field is not valid UTF-8");
    }
    position = valueEnd;
  }

  /** A bytes field's value, after its tag; an id of neither {@code idLength} nor 0 is noted. */
  private void id(int idLength, int end) throws MalformedWireException {
    int length = length(end);
    if (idLength != 0 && length != 0 && length != idLength) {
      badIds = true;
    }
    position += length;
  }

  private void packed(int elementWireType, int end) throws MalformedWireException {
    int length = length(end);
    int valueEnd = position + length;
    switch (elementWireType) {
      case VARINT -> {
        while (position < valueEnd) {
          varint(valueEnd);
        }
      }
      case FIXED64 -> position = aligned(valueEnd, 8);
      case FIXED32 -> position = aligned(valueEnd, 4);
      default -> throw new MalformedWireException("packed field of a non-scalar type");
    }
  }

  private int aligned(int valueEnd, int size) throws MalformedWireException {
    if ((valueEnd - position) % size != 0) {
      throw truncated();
    }
    return valueEnd;
  }

  /** Skips a value the way the parser skips an unknown field. */
  void skip(int wireType, int field, int end, int depth) throws MalformedWireException {
    switch (wireType) {
      case VARINT -> varint(end);
      case FIXED64 -> advance(8, end);
      case FIXED32 -> advance(4, end);
      case LENGTH_DELIMITED -> {
        int length = length(end); // read first: it moves the position past the length itself
        position += length;
      }
      case START_GROUP -> group(field, end, depth);
      default -> throw new MalformedWireException("invalid wire type " + wireType);
    }
  }

  private void group(int field, int end, int depth) throws MalformedWireException {
    if (depth >= MAX_DEPTH) {
      throw new MalformedWireException("messages nested too deeply");
    }
    while (true) {
      if (position >= end) {
        throw truncated();
      }
      int tag = tag(end);
      int wireType = tag & 7;
      int inner = tag >>> 3;
      if (wireType == END_GROUP) {
        if (inner != field) {
          throw new MalformedWireException("mismatched end of group");
        }
        return;
      }
      skip(wireType, inner, end, depth + 1);
    }
  }

  /** A tag as the parser reads it: a varint cut to 32 bits, whose field number is not 0. */
  int tag(int end) throws MalformedWireException {
    if (position < end) {
      int first = bytes[position];
      if (first >= 8) { // one byte, field number not 0: nearly every tag of an OTLP request
        position++;
        return first;
      }
    }
    int tag = (int) varint(end);
    if (tag >>> 3 == 0) {
      throw new MalformedWireException("invalid tag");
    }
    return tag;
  }

  private void advance(int count, int end) throws MalformedWireException {
    if (end - position < count) {
      throw truncated();
    }
    position += count;
  }

  int length(int end) throws MalformedWireException {
    if (position < end) {
      int first = bytes[position];
      if (first >= 0 && first < end - position) { // one byte, and the value fits: the common case
        position++;
        return first;
      }
    }
    long length = varint(end);
    if (length < 0 || length > end - position) {
      throw length < 0 || length > Integer.MAX_VALUE
          ? new MalformedWireException("negative length")
          : truncated();
    }
    return (int) length;
  }

  private long varint(int end) throws MalformedWireException {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (position >= end) {
        throw truncated();
      }
      byte b = bytes[position++];
      value |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return value;
      }
    }
    throw new MalformedWireException("malformed varint");
  }

  private static MalformedWireException truncated() {
    return new MalformedWireException("truncated message");
  }
}
