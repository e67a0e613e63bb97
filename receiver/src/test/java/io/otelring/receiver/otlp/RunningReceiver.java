package io.otelring.receiver.otlp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otelring.core.component.ComponentId;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Host;
import io.otelring.core.component.Kind;
import io.otelring.core.component.ReceiverConsumers;
import io.otelring.core.component.Signal;
import io.otelring.core.config.ComponentConfigBinder;
import io.otelring.core.config.ConfigException;
import io.otelring.core.config.ConfigSource;
import io.otelring.core.consumer.Consumer;
import io.otelring.core.grpc.GrpcCodecs;
import io.otelring.core.testing.RecordingConsumer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An {@code otlp} receiver on 127.0.0.1 with a free port, recording what it passes on. */
final class RunningReceiver implements AutoCloseable {

  final RecordingConsumer traces = new RecordingConsumer();
  final RecordingConsumer metrics = new RecordingConsumer();
  final RecordingConsumer logs = new RecordingConsumer();
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final OtlpReceiver receiver;
  private final List<ManagedChannel> channels = new ArrayList<>();

  private RunningReceiver(Protocols protocols, Map<Signal, Consumer> consumers) throws Exception {
    this(protocols, consumers, () -> true);
  }

  private RunningReceiver(Protocols protocols, Map<Signal, Consumer> consumers, Host host)
      throws Exception {
    if (consumers == null) {
      consumers = Map.of(Signal.TRACES, traces, Signal.METRICS, metrics, Signal.LOGS, logs);
    }
    ComponentSettings settings =
        ComponentSettings.of(ComponentId.of("otlp"), Kind.RECEIVER, meters);
    receiver =
        new OtlpReceiver(
            settings, new OtlpReceiverConfig(protocols), new ReceiverConsumers(consumers), host);
    receiver.start();
  }

  /** Local config: the defaults on 127.0.0.1 with port 0. */
  static GrpcServerConfig localConfig() {
    return GrpcServerConfig.defaults().withEndpoint("127.0.0.1:0");
  }

  static RunningReceiver start() throws Exception {
    return start(localConfig());
  }

  static RunningReceiver start(GrpcServerConfig config) throws Exception {
    return new RunningReceiver(new Protocols(config, null), null);
  }

  /** Local HTTP config: the defaults on 127.0.0.1 with port 0. */
  static HttpServerConfig localHttpConfig() {
    return HttpServerConfig.defaults().withEndpoint("127.0.0.1:0");
  }

  /** Local HTTP config with Go's HTTP server timeouts; zero is off. */
  static HttpServerConfig localHttpConfig(
      Duration readHeader, Duration read, Duration write, Duration idle) {
    return httpConfig(
        "{read_header_timeout: %dms, read_timeout: %dms, write_timeout: %dms, idle_timeout: %dms}"
            .formatted(readHeader.toMillis(), read.toMillis(), write.toMillis(), idle.toMillis()));
  }

  /**
   * The HTTP server's settings as a user writes them under {@code protocols: http:} (a YAML flow
   * map such as {@code {max_request_body_size: 100}}), bound as the collector binds them, on
   * 127.0.0.1 with port 0 unless they name an endpoint.
   */
  static HttpServerConfig httpConfig(String yaml) {
    return bind("http", yaml).http();
  }

  /** The gRPC server's settings as a user writes them under {@code protocols: grpc:}, likewise. */
  static GrpcServerConfig grpcConfig(String yaml) {
    return bind("grpc", yaml).grpc();
  }

  private static Protocols bind(String protocol, String yaml) {
    try {
      ObjectNode server =
          (ObjectNode) ConfigSource.ofYaml("test", "server: " + yaml).root().path("server");
      if (!server.has("endpoint")) {
        server.put("endpoint", "127.0.0.1:0");
      }
      ObjectNode receiver = JsonNodeFactory.instance.objectNode();
      receiver.putObject("protocols").set(protocol, server);
      var bound = new ComponentConfigBinder().bind(new OtlpReceiverFactory(), receiver);
      if (!bound.problems().isEmpty()) {
        throw new IllegalArgumentException("bad test config " + yaml + ": " + bound.problems());
      }
      return bound.config().protocols();
    } catch (ConfigException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A receiver with only the HTTP server. */
  static RunningReceiver startHttp(HttpServerConfig config) throws Exception {
    return new RunningReceiver(new Protocols(null, config), null);
  }

  static RunningReceiver startHttp(HttpServerConfig config, Map<Signal, Consumer> consumers)
      throws Exception {
    return new RunningReceiver(new Protocols(null, config), consumers);
  }

  static RunningReceiver start(Protocols protocols) throws Exception {
    return new RunningReceiver(protocols, null);
  }

  /** A receiver in a collector that has these extensions (authenticators, say). */
  static RunningReceiver start(Protocols protocols, Host host) throws Exception {
    return new RunningReceiver(protocols, null, host);
  }

  /** A receiver with the given consumers only; the recording ones are then unused. */
  static RunningReceiver start(GrpcServerConfig config, Map<Signal, Consumer> consumers)
      throws Exception {
    return new RunningReceiver(new Protocols(config, null), consumers);
  }

  int port() {
    return receiver.grpcAddress().orElseThrow().getPort();
  }

  int httpPort() {
    return receiver.httpAddress().orElseThrow().getPort();
  }

  /** The URL of a path on the HTTP server. */
  String httpUrl(String scheme, String path) {
    return scheme + "://127.0.0.1:" + httpPort() + path;
  }

  /** The endpoint for an OpenTelemetry SDK exporter. */
  String sdkEndpoint(String scheme) {
    return scheme + "://127.0.0.1:" + port();
  }

  ManagedChannel plaintextChannel() {
    ManagedChannel channel =
        NettyChannelBuilder.forAddress("127.0.0.1", port()).usePlaintext().build();
    channels.add(channel);
    return channel;
  }

  /**
   * A plaintext channel that can also send zstd and snappy, as Go's clients can, which grpc-java
   * does not have built in.
   */
  ManagedChannel goCodecsChannel() {
    ManagedChannel channel =
        NettyChannelBuilder.forAddress("127.0.0.1", port())
            .usePlaintext()
            .compressorRegistry(GrpcCodecs.compressors())
            .build();
    channels.add(channel);
    return channel;
  }

  double count(String name) {
    return count(name, "grpc");
  }

  double count(String name, String transport) {
    Counter counter =
        meters.find(name).tag("receiver", "otlp").tag("transport", transport).counter();
    return counter == null ? Double.NaN : counter.count();
  }

  @Override
  public void close() throws Exception {
    channels.forEach(ManagedChannel::shutdownNow);
    receiver.shutdown(Duration.ofSeconds(5));
  }
}
