package io.otelring.bench.wire;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Probe spans measure the latency from a collector's receipt to its export: the benchmark sends one
 * now and then, its trace id made of a fixed 8-byte marker and a sequence number, and the sink
 * notes when a span with such an id arrives. Load spans have random ids, so a false match is a
 * one-in-2^64 event.
 */
public final class ProbeIds {

  private static final byte[] MARKER = "otelprob".getBytes(StandardCharsets.US_ASCII);

  private ProbeIds() {}

  /** The trace id of probe {@code sequence}. */
  public static byte[] traceId(long sequence) {
    return ByteBuffer.allocate(16).put(MARKER).putLong(sequence).array();
  }

  /** A request holding the one probe span {@code sequence}. */
  public static ExportTraceServiceRequest request(long sequence) {
    Span span =
        Span.newBuilder()
            .setTraceId(ByteString.copyFrom(traceId(sequence)))
            .setSpanId(ByteString.copyFrom(ByteBuffer.allocate(8).putLong(sequence + 1).array()))
            .setName("otelring-probe")
            .setStartTimeUnixNano(1)
            .setEndTimeUnixNano(2)
            .build();
    ResourceSpans.Builder resource =
        ResourceSpans.newBuilder().addScopeSpans(ScopeSpans.newBuilder().addSpans(span));
    resource
        .getResourceBuilder()
        .addAttributesBuilder()
        .setKey("service.name")
        .getValueBuilder()
        .setStringValue("otelring-probe");
    return ExportTraceServiceRequest.newBuilder().addResourceSpans(resource).build();
  }

  /** Tells the listener if the span under the cursor is a probe (its trace id comes first). */
  static void spot(WireCursor span, WireItemCounter.ProbeListener listener) {
    byte[] bytes = span.bytes();
    int at = span.position();
    // Field 1 (trace_id), length-delimited: tag 0x0A, then the length 16.
    if (span.limit() - at < 18 || bytes[at] != 0x0A || bytes[at + 1] != 16) {
      return;
    }
    for (int i = 0; i < MARKER.length; i++) {
      if (bytes[at + 2 + i] != MARKER[i]) {
        return;
      }
    }
    listener.probe(ByteBuffer.wrap(bytes, at + 10, 8).getLong());
  }
}
