package io.otelring.bench.loadgen;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.Refusal;
import io.otelring.core.consumer.WireStatus;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * OTLP/gRPC with a raw bytes marshaller: the encoded request goes out as it is. One channel (one
 * HTTP/2 connection) carries every worker's calls, as one SDK exporter would. With {@code gzip},
 * grpc-java compresses each message as it sends it: that work is the load generator's, not the
 * collector's, so benchmarks send uncompressed.
 */
public final class GrpcSender implements Sender {

  private final Signal signal;
  private final ManagedChannel channel;
  private final Channel calls;
  private final MethodDescriptor<byte[], byte[]> method;
  private final CallOptions options;
  private final Duration timeout;

  public GrpcSender(
      Signal signal,
      Endpoint endpoint,
      Map<String, String> headers,
      boolean gzip,
      Duration timeout) {
    this.signal = signal;
    this.timeout = timeout;
    NettyChannelBuilder builder =
        NettyChannelBuilder.forAddress(endpoint.host(), endpoint.port())
            .maxInboundMessageSize(64 << 20);
    if (endpoint.tls()) {
      builder.useTransportSecurity();
    } else {
      builder.usePlaintext();
    }
    this.channel = builder.build();
    Metadata metadata = new Metadata();
    headers.forEach(
        (key, value) ->
            metadata.put(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER), value));
    this.calls =
        ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(metadata));
    this.method = ByteArrayMarshaller.exportMethod(signal);
    this.options = gzip ? CallOptions.DEFAULT.withCompression("gzip") : CallOptions.DEFAULT;
  }

  @Override
  public Reply send(byte[] body) {
    try {
      byte[] response =
          ClientCalls.blockingUnaryCall(
              calls,
              method,
              options.withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS),
              body);
      return PartialSuccess.reply(signal, response);
    } catch (StatusRuntimeException e) {
      return reply(e);
    }
  }

  /**
   * Sorts a failed call: a retryable status the collector answered is a refusal (with the delay of
   * its {@code RetryInfo}); a call that never got an answer (no connection: UNAVAILABLE with a
   * cause; the client's own deadline or cancellation) is a failure that may pass; anything else is
   * permanent.
   */
  static Reply reply(StatusRuntimeException e) {
    Status status = e.getStatus();
    String error = status.getCode() + ": " + status.getDescription();
    Refusal refusal = WireStatus.fromGrpc(e);
    if (!refusal.isRetryable()) {
      return Reply.failed(error);
    }
    boolean answered =
        status.getCause() == null
            && status.getCode() != Status.Code.DEADLINE_EXCEEDED
            && status.getCode() != Status.Code.CANCELLED;
    return answered
        ? Reply.refused(error, refusal.retryDelay().orElse(null))
        : Reply.transientFailure(error);
  }

  @Override
  public void close() {
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
