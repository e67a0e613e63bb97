package io.otelring.receiver.otlp;

import com.google.protobuf.Message;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.ReceiverConsumers;
import io.otelring.core.component.ServerAuthenticator;
import io.otelring.core.consumer.Consumer;
import io.otelring.core.tls.TlsReloading;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The OTLP/HTTP server on Netty (the copy grpc-netty brings): HTTP/1.1 with keep-alive, h2c and,
 * with {@code tls}, HTTP/2 over ALPN. Like Go, it serves only the paths of signals that some
 * pipeline takes from this receiver; any other path is 404.
 */
final class OtlpHttpServer {

  private final ComponentSettings settings;
  private final HttpServerConfig config;
  private final OtlpHttpService service;
  private final InFlight inFlight = new InFlight();
  private final TlsReloading tlsReloading;
  private EventLoopGroup group;
  private ChannelGroup channels;
  private Channel serverChannel;

  /**
   * @param authenticator checks every request ({@code auth}), or null
   */
  OtlpHttpServer(
      ComponentSettings settings,
      HttpServerConfig config,
      ReceiverConsumers next,
      ServerAuthenticator authenticator) {
    this.settings = settings;
    this.tlsReloading = new TlsReloading(settings.logger());
    this.config = config;
    ReceiverMetrics metrics = new ReceiverMetrics(settings.meters(), settings.id(), "http");
    Map<String, ExportIntake<?, ?>> routes = new HashMap<>();
    Map<ExportSignal<?, ?>, String> paths =
        Map.of(
            ExportSignal.TRACES, config.tracesUrlPath(),
            ExportSignal.METRICS, config.metricsUrlPath(),
            ExportSignal.LOGS, config.logsUrlPath());
    paths.forEach(
        (signal, path) ->
            next.forSignal(signal.signal())
                .ifPresent(
                    consumer -> routes.put(path, intake(signal, consumer, metrics, settings))));
    this.service =
        new OtlpHttpService(
            routes,
            new ContentDecoding(config.compressionAlgorithms(), config.maxRequestBodyBytes()),
            CorsPolicy.of(config.cors()),
            config.responseHeaders(),
            config.includeMetadata(),
            authenticator,
            config.auth() == null ? List.of() : config.auth().requestParams());
  }

  private static <Q extends Message, R extends Message> ExportIntake<Q, R> intake(
      ExportSignal<Q, R> signal,
      Consumer consumer,
      ReceiverMetrics metrics,
      ComponentSettings settings) {
    return new ExportIntake<>(signal, consumer, metrics, settings.logger());
  }

  /**
   * Binds and starts serving.
   *
   * @throws IOException naming the endpoint when it cannot be bound or TLS cannot be loaded
   */
  void start() throws IOException {
    Endpoint endpoint = Endpoint.parse(config.endpoint());
    SslContext ssl = null;
    if (config.tls() != null) {
      try {
        ssl = ServerTls.httpContext(config.tls(), tlsReloading);
      } catch (IOException e) {
        tlsReloading.close();
        throw new IOException(
            settings.id()
                + ": cannot start the HTTP server on "
                + config.endpoint()
                + ": "
                + e.getMessage(),
            e);
      }
    }
    warnAboutUnappliedKeys();
    settings.logger().info("Starting HTTP server endpoint={}", config.endpoint());
    group =
        new MultiThreadIoEventLoopGroup(
            Runtime.getRuntime().availableProcessors(),
            new DefaultThreadFactory("otlp-http-" + settings.id(), true),
            NioIoHandler.newFactory());
    channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new HttpChannelSetup(
                    service,
                    ssl,
                    config.maxRequestBodyBytes(),
                    config.idleTimeout(),
                    RequestDeadlines.Timeouts.of(config),
                    inFlight,
                    channels,
                    settings.logger()));
    try {
      serverChannel = bootstrap.bind(endpoint.socketAddress()).syncUninterruptibly().channel();
    } catch (Exception e) {
      group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      tlsReloading.close();
      throw new IOException(
          settings.id()
              + ": cannot listen for HTTP on "
              + config.endpoint()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** The address the server listens on; useful when the endpoint's port is 0. */
  InetSocketAddress address() {
    return (InetSocketAddress) serverChannel.localAddress();
  }

  /**
   * Stops accepting connections, lets the exchanges in flight be answered until the deadline, then
   * closes every connection.
   */
  void shutdown(Duration deadline) throws InterruptedException {
    if (serverChannel == null) {
      return;
    }
    long start = System.nanoTime();
    serverChannel.close().await();
    if (!inFlight.awaitNone(deadline)) {
      settings.logger().warn("HTTP requests still running after {}; closing them", deadline);
    }
    channels
        .close()
        .await(Math.max(0, deadline.toNanos() - (System.nanoTime() - start)), TimeUnit.NANOSECONDS);
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
    tlsReloading.close();
    settings.logger().info("Stopped HTTP server endpoint={}", config.endpoint());
  }

  private void warnAboutUnappliedKeys() {
    List<String> unapplied = new ArrayList<>();
    if (config.tls() != null) {
      config.tls().unappliedKeys().forEach(key -> unapplied.add("tls::" + key));
    }
    if (config.cors() != null
        && config.cors().allowedOrigins().isEmpty()
        && !config.cors().allowedHeaders().isEmpty()) {
      settings
          .logger()
          .warn(
              "The CORS configuration specifies allowed headers but no allowed origins, and is"
                  + " therefore ignored.");
    }
    if (!unapplied.isEmpty()) {
      settings.logger().warn("protocols::http: {} accepted but not applied", unapplied);
    }
  }
}
