package io.otelring.receiver.otlp;

import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Receiver;
import io.otelring.core.component.ReceiverConsumers;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code otlp} receiver: one instance serves every signal of every pipeline that lists it.
 * Today it serves {@code protocols.grpc}; an {@code http} section is accepted and warned about.
 */
public final class OtlpReceiver implements Receiver {

  static final String HTTP_NOT_SERVED =
      "protocols::http is configured but the OTLP/HTTP server is not available yet; only gRPC is"
          + " served";

  private final ComponentSettings settings;
  private final OtlpReceiverConfig config;
  private final ReceiverConsumers next;
  private OtlpGrpcServer grpc;
  private boolean stopped;

  OtlpReceiver(ComponentSettings settings, OtlpReceiverConfig config, ReceiverConsumers next) {
    this.settings = settings;
    this.config = config;
    this.next = next;
  }

  @Override
  public synchronized void start() throws Exception {
    if (grpc != null || stopped) {
      throw new IllegalStateException(settings.id() + ": a receiver starts once");
    }
    if (config.protocols().http() != null) {
      settings.logger().warn(HTTP_NOT_SERVED);
    }
    GrpcServerConfig grpcConfig = config.protocols().grpc();
    if (grpcConfig != null) {
      OtlpGrpcServer server = new OtlpGrpcServer(settings, grpcConfig, next);
      server.start();
      grpc = server;
    }
  }

  /** The address the gRPC server listens on, when it runs. */
  public synchronized Optional<InetSocketAddress> grpcAddress() {
    return grpc == null || stopped ? Optional.empty() : Optional.of(grpc.address());
  }

  @Override
  public synchronized void shutdown(Duration deadline) throws Exception {
    if (stopped) {
      return;
    }
    stopped = true;
    if (grpc != null) {
      grpc.shutdown(deadline);
    }
  }
}
