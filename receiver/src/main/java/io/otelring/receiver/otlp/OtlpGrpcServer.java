package io.otelring.receiver.otlp;

import com.google.protobuf.Message;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.NettyServerBuilder;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.ReceiverConsumers;
import io.otelring.core.component.ServerAuthenticator;
import io.otelring.core.consumer.Consumer;
import io.otelring.core.grpc.GrpcCodecs;
import io.otelring.core.tls.TlsReloading;
import io.otelring.receiver.otlp.KeepaliveServerConfig.EnforcementPolicy;
import io.otelring.receiver.otlp.KeepaliveServerConfig.ServerParameters;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The OTLP/gRPC server on grpc-netty. Like Go, it registers only the services of signals that some
 * pipeline takes from this receiver; a client of another signal gets UNIMPLEMENTED.
 */
final class OtlpGrpcServer {

  private final ComponentSettings settings;
  private final GrpcServerConfig config;
  private final List<ServerServiceDefinition> services = new ArrayList<>();
  private final TlsReloading tlsReloading;
  private final ServerAuthenticator authenticator;
  private Server server;

  /**
   * @param authenticator checks every call ({@code auth}), or null
   */
  OtlpGrpcServer(
      ComponentSettings settings,
      GrpcServerConfig config,
      ReceiverConsumers next,
      ServerAuthenticator authenticator) {
    this.settings = settings;
    this.authenticator = authenticator;
    this.tlsReloading = new TlsReloading(settings.logger());
    this.config = config;
    ReceiverMetrics metrics = new ReceiverMetrics(settings.meters(), settings.id(), "grpc");
    for (ExportSignal<?, ?> signal :
        List.of(ExportSignal.TRACES, ExportSignal.METRICS, ExportSignal.LOGS)) {
      next.forSignal(signal.signal())
          .ifPresent(consumer -> services.add(service(signal, consumer, metrics, settings)));
    }
  }

  private static <Q extends Message, R extends Message> ServerServiceDefinition service(
      ExportSignal<Q, R> signal,
      Consumer consumer,
      ReceiverMetrics metrics,
      ComponentSettings settings) {
    return new ExportHandler<>(
            new ExportIntake<>(signal, consumer, metrics, settings.logger()), settings.logger())
        .service();
  }

  /**
   * Binds and starts serving.
   *
   * @throws IOException naming the endpoint when it cannot be bound or TLS cannot be loaded
   */
  void start() throws IOException {
    Endpoint endpoint = Endpoint.parse(config.endpoint());
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(endpoint.socketAddress())
            // Handlers only parse, screen and hand over without blocking, so they run on the
            // event loop instead of hopping to an unbounded pool.
            .directExecutor()
            .maxInboundMessageSize(config.maxInboundMessageBytes())
            // Go's gRPC server takes zstd as well as gzip; the limit above bounds what it inflates.
            .decompressorRegistry(GrpcCodecs.decompressors());
    if (config.maxConcurrentStreams() > 0) {
      builder.maxConcurrentCallsPerConnection(config.maxConcurrentStreams());
    }
    applyKeepalive(builder, config.keepalive());
    if (config.tls() != null) {
      try {
        builder.sslContext(ServerTls.context(config.tls(), tlsReloading));
      } catch (IOException e) {
        tlsReloading.close();
        throw new IOException(
            settings.id()
                + ": cannot start the gRPC server on "
                + config.endpoint()
                + ": "
                + e.getMessage(),
            e);
      }
      List<String> unapplied = config.tls().unappliedKeys();
      if (!unapplied.isEmpty()) {
        settings.logger().warn("protocols::grpc::tls: {} accepted but not applied", unapplied);
      }
    }
    // The last interceptor listed runs first: a call is authenticated before anything else.
    List<ServerInterceptor> interceptors = new ArrayList<>();
    if (config.includeMetadata()) {
      interceptors.add(new ClientMetadataInterceptor());
    }
    if (authenticator != null) {
      interceptors.add(new GrpcAuthInterceptor(authenticator));
    }
    for (ServerServiceDefinition service : services) {
      builder.addService(ServerInterceptors.intercept(service, interceptors));
    }
    settings.logger().info("Starting GRPC server endpoint={}", config.endpoint());
    Server built = builder.build();
    try {
      built.start();
    } catch (IOException e) {
      tlsReloading.close();
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IOException(
          settings.id()
              + ": cannot listen for gRPC on "
              + config.endpoint()
              + ": "
              + cause.getMessage(),
          e);
    }
    server = built;
  }

  /** The address the server listens on; useful when the endpoint's port is 0. */
  InetSocketAddress address() {
    for (SocketAddress address : server.getListenSockets()) {
      if (address instanceof InetSocketAddress inet) {
        return inet;
      }
    }
    throw new IllegalStateException("the gRPC server listens on no IP socket");
  }

  /**
   * Stops accepting calls and connections, lets the calls in flight finish until the deadline, then
   * cancels what is left.
   */
  void shutdown(Duration deadline) throws InterruptedException {
    if (server == null) {
      return;
    }
    server.shutdown();
    if (!server.awaitTermination(deadline.toNanos(), TimeUnit.NANOSECONDS)) {
      settings.logger().warn("gRPC calls still running after {}; cancelling them", deadline);
      server.shutdownNow();
    }
    tlsReloading.close();
    settings.logger().info("Stopped GRPC server endpoint={}", config.endpoint());
  }

  private static void applyKeepalive(NettyServerBuilder builder, KeepaliveServerConfig keepalive) {
    ServerParameters params = keepalive.serverParameters();
    // A zero duration is "not set" in Go, leaving grpc's default, which grpc-java shares.
    if (!params.maxConnectionIdle().isZero()) {
      builder.maxConnectionIdle(params.maxConnectionIdle().toNanos(), TimeUnit.NANOSECONDS);
    }
    if (!params.maxConnectionAge().isZero()) {
      builder.maxConnectionAge(params.maxConnectionAge().toNanos(), TimeUnit.NANOSECONDS);
    }
    if (!params.maxConnectionAgeGrace().isZero()) {
      builder.maxConnectionAgeGrace(params.maxConnectionAgeGrace().toNanos(), TimeUnit.NANOSECONDS);
    }
    if (!params.time().isZero()) {
      builder.keepAliveTime(params.time().toNanos(), TimeUnit.NANOSECONDS);
    }
    if (!params.timeout().isZero()) {
      builder.keepAliveTimeout(params.timeout().toNanos(), TimeUnit.NANOSECONDS);
    }
    EnforcementPolicy policy = keepalive.enforcementPolicy();
    if (!policy.minTime().isZero()) {
      builder.permitKeepAliveTime(policy.minTime().toNanos(), TimeUnit.NANOSECONDS);
    }
    builder.permitKeepAliveWithoutCalls(policy.permitWithoutStream());
  }
}
