package io.otelring.receiver.otlp;

import io.otelring.core.auth.ServerAuthConfig;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Host;
import io.otelring.core.component.Receiver;
import io.otelring.core.component.ReceiverConsumers;
import io.otelring.core.component.ServerAuthenticator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code otlp} receiver: one instance serves every signal of every pipeline that lists it, over
 * gRPC ({@code protocols.grpc}) and HTTP ({@code protocols.http}), into the same consumers.
 */
public final class OtlpReceiver implements Receiver {

  private final ComponentSettings settings;
  private final OtlpReceiverConfig config;
  private final ReceiverConsumers next;
  private final Host host;
  private OtlpGrpcServer grpc;
  private OtlpHttpServer http;
  private boolean stopped;

  OtlpReceiver(
      ComponentSettings settings, OtlpReceiverConfig config, ReceiverConsumers next, Host host) {
    this.settings = settings;
    this.config = config;
    this.next = next;
    this.host = host;
  }

  @Override
  public synchronized void start() throws Exception {
    if (grpc != null || http != null || stopped) {
      throw new IllegalStateException(settings.id() + ": a receiver starts once");
    }
    GrpcServerConfig grpcConfig = config.protocols().grpc();
    HttpServerConfig httpConfig = config.protocols().http();
    // Both authenticators are found before either server binds, so a wrong id binds nothing.
    ServerAuthenticator grpcAuth =
        grpcConfig == null ? null : authenticator(grpcConfig.auth(), "grpc");
    ServerAuthenticator httpAuth =
        httpConfig == null ? null : authenticator(httpConfig.auth(), "http");
    if (grpcConfig != null) {
      OtlpGrpcServer server = new OtlpGrpcServer(settings, grpcConfig, next, grpcAuth);
      server.start();
      grpc = server;
    }
    if (httpConfig != null) {
      OtlpHttpServer server = new OtlpHttpServer(settings, httpConfig, next, httpAuth);
      try {
        server.start();
      } catch (IOException | RuntimeException e) {
        // Start fails whole: the gRPC server started a moment ago must not stay bound.
        if (grpc != null) {
          grpc.shutdown(Duration.ZERO);
          grpc = null;
        }
        throw e;
      }
      http = server;
    }
  }

  private ServerAuthenticator authenticator(ServerAuthConfig auth, String protocol) {
    if (auth == null) {
      return null;
    }
    try {
      return auth.resolve(host);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          settings.id() + ": protocols::" + protocol + "::auth: " + e.getMessage(), e);
    }
  }

  /** The address the HTTP server listens on, when it runs. */
  public synchronized Optional<InetSocketAddress> httpAddress() {
    return http == null || stopped ? Optional.empty() : Optional.of(http.address());
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
    // One deadline for both servers: the second gets what the first left of it.
    long start = System.nanoTime();
    if (http != null) {
      http.shutdown(deadline);
    }
    if (grpc != null) {
      Duration left = deadline.minusNanos(System.nanoTime() - start);
      grpc.shutdown(left.isNegative() ? Duration.ZERO : left);
    }
  }
}
