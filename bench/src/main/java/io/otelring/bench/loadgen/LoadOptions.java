package io.otelring.bench.loadgen;

import io.otelring.bench.shape.SpanShape;
import io.otelring.core.component.Signal;
import java.time.Duration;
import java.util.Map;

/**
 * A load to generate.
 *
 * @param signal traces, metrics or logs
 * @param protocol grpc or http/protobuf
 * @param endpoint where to send
 * @param headers extra request headers (gRPC metadata)
 * @param workers concurrent senders, each with one request in flight
 * @param rate items per second over all workers; 0 sends as fast as the collector answers
 * @param duration how long to send; null to stop by {@code count} (or when stopped)
 * @param count items to send (rounded up to whole requests); 0 for no limit
 * @param batch items per request
 * @param shape the span shape (traces only)
 * @param gzip compress requests
 * @param poolSize distinct pre-encoded requests to replay
 * @param timeout the deadline of one attempt
 * @param retry whether and how refused requests are sent again
 */
public record LoadOptions(
    Signal signal,
    Protocol protocol,
    Endpoint endpoint,
    Map<String, String> headers,
    int workers,
    double rate,
    Duration duration,
    long count,
    int batch,
    SpanShape shape,
    boolean gzip,
    int poolSize,
    Duration timeout,
    RetryPolicy retry) {

  public LoadOptions {
    headers = Map.copyOf(headers);
    if (workers < 1) {
      throw new IllegalArgumentException("--workers must be at least 1");
    }
    if (rate < 0) {
      throw new IllegalArgumentException("--rate must not be negative");
    }
    if (batch < 1) {
      throw new IllegalArgumentException("--batch must be at least 1");
    }
    if (count < 0) {
      throw new IllegalArgumentException("--count must not be negative");
    }
    if (duration != null && (duration.isNegative() || duration.isZero())) {
      throw new IllegalArgumentException("--duration must be positive");
    }
    if (poolSize < 1) {
      throw new IllegalArgumentException("--pool must be at least 1");
    }
  }

  /** Requests to send in all, or -1 when only the duration (or a stop) ends the run. */
  public long requestBudget() {
    return count == 0 ? -1 : (count + batch - 1) / batch;
  }

  /** A sender for these options. */
  public Sender sender() {
    return switch (protocol) {
      case GRPC -> new GrpcSender(signal, endpoint, headers, gzip, timeout);
      case HTTP_PROTOBUF -> new HttpSender(signal, endpoint, headers, gzip, timeout, false);
      case HTTP_JSON -> new HttpSender(signal, endpoint, headers, gzip, timeout, true);
    };
  }
}
