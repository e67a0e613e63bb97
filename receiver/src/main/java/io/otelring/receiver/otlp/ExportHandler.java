package io.otelring.receiver.otlp;

import com.google.protobuf.Message;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.otelring.core.consumer.Consumer;
import io.otelring.core.consumer.Refusal;
import io.otelring.core.consumer.Telemetry;
import io.otelring.core.consumer.WireStatus;
import io.otelring.receiver.otlp.InvalidIds.Screened;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;

/**
 * Serves one OTLP {@code Export} method: screens the request, hands it to the pipeline's consumer
 * and answers when the consumer's stage completes — OK (with {@code partial_success} when items
 * were rejected), or the refusal mapped by {@link WireStatus}. It runs on the transport's thread
 * and never blocks it: the answer is sent from whichever thread completes the stage.
 */
final class ExportHandler<Q extends Message, R extends Message>
    implements ServerCalls.UnaryMethod<ParsedRequest<Q>, R> {

  private final ExportSignal<Q, R> signal;
  private final Consumer next;
  private final ReceiverMetrics metrics;
  private final Logger logger;

  ExportHandler(ExportSignal<Q, R> signal, Consumer next, ReceiverMetrics metrics, Logger logger) {
    this.signal = signal;
    this.next = next;
    this.metrics = metrics;
    this.logger = logger;
  }

  /** The gRPC service that holds this handler's method. */
  ServerServiceDefinition service() {
    var method = signal.method();
    return ServerServiceDefinition.builder(method.getServiceName())
        .addMethod(method, ServerCalls.asyncUnaryCall(this))
        .build();
  }

  @Override
  public void invoke(ParsedRequest<Q> parsed, StreamObserver<R> observer) {
    // Without a cancel handler, answering a call the client has cancelled throws.
    ((ServerCallStreamObserver<R>) observer).setOnCancelHandler(() -> {});
    if (parsed.failure() != null) {
      observer.onError(parsed.failure().asRuntimeException());
      return;
    }
    Screened<Q> screened = signal.screen(parsed.message());
    int rejected = screened.rejected();
    if (rejected > 0) {
      metrics.refused(signal.signal(), rejected);
    }
    Telemetry telemetry = signal.wrap(screened.request(), ClientMetadataInterceptor.current());
    int items = telemetry.itemCount();
    if (items == 0) {
      // As Go: nothing to pass on is answered at once (and counted as nothing).
      answer(observer, signal.response(rejected));
      return;
    }
    consume(telemetry)
        .whenComplete(
            (ignored, failure) -> {
              if (failure == null) {
                metrics.accepted(signal.signal(), items);
                answer(observer, signal.response(rejected));
              } else {
                metrics.refused(signal.signal(), items);
                Refusal refusal = Refusal.of(failure);
                logger.debug(
                    "refused {} {}: {}", items, signal.signal().itemNoun(), refusal.getMessage());
                fail(observer, refusal);
              }
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

  private void answer(StreamObserver<R> observer, R response) {
    try {
      observer.onNext(response);
      observer.onCompleted();
    } catch (RuntimeException e) {
      logger.debug("could not answer a call that has ended", e);
    }
  }

  private void fail(StreamObserver<R> observer, Refusal refusal) {
    try {
      observer.onError(WireStatus.toGrpcException(refusal));
    } catch (RuntimeException e) {
      logger.debug("could not answer a call that has ended", e);
    }
  }
}
