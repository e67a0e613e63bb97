package io.otelring.receiver.otlp;

import com.google.protobuf.Message;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.otelring.core.consumer.ClientMetadata;
import io.otelring.core.consumer.Refusal;
import io.otelring.core.consumer.WireStatus;
import org.slf4j.Logger;

/**
 * Serves one OTLP {@code Export} method over gRPC: hands the request — checked bytes, or a parsed
 * message when items must be screened — to its {@link ExportIntake} and answers when that stage
 * completes — OK (with {@code partial_success} when items were rejected), or the refusal mapped by
 * {@link WireStatus}. It runs on the transport's thread and never blocks it: the answer is sent
 * from whichever thread completes the stage.
 */
final class ExportHandler<Q extends Message, R extends Message>
    implements ServerCalls.UnaryMethod<ParsedRequest<Q>, R> {

  private final ExportIntake<Q, R> intake;
  private final Logger logger;

  ExportHandler(ExportIntake<Q, R> intake, Logger logger) {
    this.intake = intake;
    this.logger = logger;
  }

  /** The gRPC service that holds this handler's method. */
  ServerServiceDefinition service() {
    var method = intake.signal().method();
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
    ClientMetadata metadata = ClientMetadataInterceptor.current();
    (parsed.wire() != null
            ? intake.exportWire(parsed.wire(), parsed.items(), metadata)
            : intake.export(parsed.message(), metadata))
        .whenComplete(
            (response, failure) -> {
              if (failure == null) {
                answer(observer, response);
              } else {
                fail(observer, Refusal.of(failure));
              }
            });
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
