package io.otelring.bench.wire;

import io.otelring.core.component.Signal;

/**
 * Counts the items of an encoded OTLP export request without parsing it: a walk of the protobuf
 * wire format that descends only into the repeated fields on the way to the items (resource → scope
 * → span, log record, or metric → data points) and skips everything else by its length, allocating
 * only short-lived cursors. This is how baseline B0 and the benchmark's sink count what they
 * receive.
 *
 * <p>On the way it can spot probe spans (see {@link ProbeIds}) by the first bytes of their trace
 * id, which protobuf encoders write first in a span.
 */
public final class WireItemCounter {

  /** Told of each probe span found; the argument is the probe's sequence number. */
  @FunctionalInterface
  public interface ProbeListener {
    void probe(long sequence);
  }

  private static final int LEN = 2;

  private WireItemCounter() {}

  /** The items of a request of {@code signal}, with no probe listener. */
  public static int count(Signal signal, byte[] body) {
    return count(signal, body, null);
  }

  /**
   * The items of a request of {@code signal}.
   *
   * @throws IllegalArgumentException if the bytes are not well-formed protobuf on the walked path
   */
  public static int count(Signal signal, byte[] body, ProbeListener probes) {
    WireCursor top = new WireCursor(body, 0, body.length);
    int items = 0;
    while (top.next()) {
      if (top.field() == 1 && top.wireType() == LEN) {
        items += resource(signal, top.sub(), probes);
      } else {
        top.skip();
      }
    }
    return items;
  }

  /** A ResourceSpans / ResourceMetrics / ResourceLogs: scopes are field 2 in all three. */
  private static int resource(Signal signal, WireCursor resource, ProbeListener probes) {
    int items = 0;
    while (resource.next()) {
      if (resource.field() == 2 && resource.wireType() == LEN) {
        items += scope(signal, resource.sub(), probes);
      } else {
        resource.skip();
      }
    }
    return items;
  }

  /** A ScopeSpans / ScopeMetrics / ScopeLogs: spans, metrics and log records are field 2. */
  private static int scope(Signal signal, WireCursor scope, ProbeListener probes) {
    int items = 0;
    while (scope.next()) {
      if (scope.field() == 2 && scope.wireType() == LEN) {
        WireCursor item = scope.sub();
        switch (signal) {
          case TRACES -> {
            items++;
            if (probes != null) {
              ProbeIds.spot(item, probes);
            }
          }
          case LOGS -> items++;
          case METRICS -> items += dataPoints(item);
        }
      } else {
        scope.skip();
      }
    }
    return items;
  }

  /**
   * A Metric: its data is one of gauge (5), sum (7), histogram (9), exponential histogram (10) or
   * summary (11), each holding its data points in field 1.
   */
  private static int dataPoints(WireCursor metric) {
    int points = 0;
    while (metric.next()) {
      int field = metric.field();
      boolean data = field == 5 || field == 7 || field == 9 || field == 10 || field == 11;
      if (data && metric.wireType() == LEN) {
        WireCursor body = metric.sub();
        while (body.next()) {
          if (body.field() == 1 && body.wireType() == LEN) {
            points++;
          }
          body.skip();
        }
      } else {
        metric.skip();
      }
    }
    return points;
  }
}
