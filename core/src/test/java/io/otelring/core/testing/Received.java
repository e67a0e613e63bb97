package io.otelring.core.testing;

import io.opentelemetry.proto.trace.v1.Span;
import io.otelring.core.consumer.Telemetry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/** Reads what a test exporter received: the spans of trace envelopes, and their ids in hex. */
public final class Received {

  private Received() {}

  /** Every span of the given trace envelopes, in order. */
  public static List<Span> spans(Collection<Telemetry> received) {
    List<Span> spans = new ArrayList<>();
    for (Telemetry telemetry : received) {
      telemetry
          .traces()
          .getResourceSpansList()
          .forEach(rs -> rs.getScopeSpansList().forEach(ss -> spans.addAll(ss.getSpansList())));
    }
    return spans;
  }

  /** The span ids, lower-case hex as the SDK writes them, in order (duplicates kept). */
  public static List<String> spanIds(Collection<Telemetry> received) {
    return spans(received).stream().map(Received::spanId).toList();
  }

  public static String spanId(Span span) {
    return HexFormat.of().formatHex(span.getSpanId().toByteArray());
  }
}
