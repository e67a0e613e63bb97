package io.otelring.receiver.otlp;

import com.google.protobuf.Message;
import io.otelring.core.consumer.ClientMetadata;
import io.otelring.core.consumer.Consumer;
import io.otelring.core.consumer.Refusal;
import io.otelring.core.consumer.Telemetry;
import io.otelring.receiver.otlp.InvalidIds.Screened;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;

/**
 * The path of one parsed export request into the pipeline, shared by the gRPC and the HTTP server
 * so that both screen, count and answer alike: items with impossible ids are dropped and reported
 * in {@code partial_success}, the rest goes to the signal's consumer, and the returned stage
 * completes with the response once the consumer has taken the data, or fails with its {@link
 * Refusal}. Nothing here blocks.
 */
final class ExportIntake<Q extends Message, R extends Message> {

  private final ExportSignal<Q, R> signal;
  private final Consumer next;
  private final ReceiverMetrics metrics;
  private final Logger logger;

  ExportIntake(ExportSignal<Q, R> signal, Consumer next, ReceiverMetrics metrics, Logger logger) {
    this.signal = signal;
    this.next = next;
    this.metrics = metrics;
    this.logger = logger;
  }

  ExportSignal<Q, R> signal() {
    return signal;
  }

  /** A parsed request: items with impossible ids are screened out first. */
  CompletionStage<R> export(Q request, ClientMetadata metadata) {
    Screened<Q> screened = signal.screen(request);
    int rejected = screened.rejected();
    if (rejected > 0) {
      metrics.refused(signal.signal(), rejected);
    }
    return deliver(signal.wrap(screened.request(), metadata), rejected);
  }

  /**
   * A request as checked bytes (the fast path): nothing to screen, nothing parsed; the bytes go on
   * as they came.
   */
  CompletionStage<R> exportWire(byte[] bytes, int items, ClientMetadata metadata) {
    return deliver(Telemetry.fromWire(signal.signal(), bytes, items, metadata), 0);
  }

  private CompletionStage<R> deliver(Telemetry telemetry, int rejected) {
    int items = telemetry.itemCount();
    if (items == 0) {
      // As Go: nothing to pass on is answered at once (and counted as nothing).
      return CompletableFuture.completedStage(signal.response(rejected));
    }
    return consume(telemetry)
        .handle(
            (ignored, failure) -> {
              if (failure == null) {
                metrics.accepted(signal.signal(), items);
                return signal.response(rejected);
              }
              metrics.refused(signal.signal(), items);
              Refusal refusal = Refusal.of(failure);
              logger.debug(
                  "refused {} {}: {}", items, signal.signal().itemNoun(), refusal.getMessage());
              throw refusal;
            });
  }

  private CompletionStage<Void> consume(Telemetry telemetry) {
    try {
      return next.consume(telemetry);
    } catch (RuntimeException e) {
      // A consumer should refuse through its stage; one that throws is answered the same way.
      return CompletableFuture.failedStage(e);
    }
  }
}
