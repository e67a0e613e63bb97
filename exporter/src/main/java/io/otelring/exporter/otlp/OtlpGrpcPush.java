package io.otelring.exporter.otlp;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NegotiationType;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.ClientCalls;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsPartialSuccess;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.otelring.core.component.ClientAuthenticator;
import io.otelring.core.component.Host;
import io.otelring.core.consumer.Refusal;
import io.otelring.core.consumer.Telemetry;
import io.otelring.core.consumer.WireStatus;
import io.otelring.core.grpc.GrpcCodecs;
import io.otelring.core.tls.TlsReloading;
import io.otelring.exporter.client.ClientTls;
import io.otelring.exporter.sending.Push;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * Sends one OTLP request over gRPC with a blocking stub on the calling worker: headers on every
 * call, gzip or zstd when configured, the attempt's deadline; a failed call becomes a {@code
 * Refusal} through {@link WireStatus}, so the OTLP spec's retryable codes (and RetryInfo) decide
 * retries.
 */
final class OtlpGrpcPush implements Push {

  private final OtlpExporterConfig config;
  private final Host host;
  private ClientAuthenticator authenticator;
  private final TlsReloading tlsReloading =
      new TlsReloading(LoggerFactory.getLogger("otelring.exporter.otlp.tls"));
  private ManagedChannel channel;
  private TraceServiceGrpc.TraceServiceBlockingStub traces;
  private MetricsServiceGrpc.MetricsServiceBlockingStub metrics;
  private LogsServiceGrpc.LogsServiceBlockingStub logs;

  /**
   * @param host where the {@code auth} extension is found at start
   */
  OtlpGrpcPush(OtlpExporterConfig config, Host host) {
    this.config = config;
    this.host = host;
  }

  @Override
  public void start() throws Exception {
    GrpcTarget target = GrpcTarget.parse(config.endpoint());
    NettyChannelBuilder builder =
        NettyChannelBuilder.forTarget(target.target())
            .defaultLoadBalancingPolicy(config.balancerName())
            .userAgent("otelring")
            // zstd and snappy besides grpc-java's gzip, for compression and for answers.
            .compressorRegistry(GrpcCodecs.compressors())
            .decompressorRegistry(GrpcCodecs.decompressors());
    boolean tls = config.tls().enabled() || target.forcesTls();
    authenticator = authenticator(tls);
    if (tls) {
      builder
          .sslContext(ClientTls.netty(config.tls(), tlsReloading))
          .negotiationType(NegotiationType.TLS);
      if (!config.tls().serverNameOverride().isEmpty()) {
        builder.overrideAuthority(config.tls().serverNameOverride());
      }
    } else {
      builder.usePlaintext();
    }
    if (!config.authority().isEmpty()) {
      builder.overrideAuthority(config.authority());
    }
    if (config.keepalive() != null) {
      builder
          .keepAliveTime(config.keepalive().time().toNanos(), TimeUnit.NANOSECONDS)
          .keepAliveTimeout(config.keepalive().timeout().toNanos(), TimeUnit.NANOSECONDS)
          .keepAliveWithoutCalls(config.keepalive().permitWithoutStream());
    }
    builder.intercept(new RequestHeaders());
    channel = builder.build();
    traces = configure(TraceServiceGrpc.newBlockingStub(channel));
    metrics = configure(MetricsServiceGrpc.newBlockingStub(channel));
    logs = configure(LogsServiceGrpc.newBlockingStub(channel));
  }

  /** The {@code auth} extension, checked as Go's gRPC client checks per-call credentials. */
  private ClientAuthenticator authenticator(boolean tls) {
    if (config.auth() == null) {
      return null;
    }
    ClientAuthenticator authenticator;
    try {
      authenticator = config.auth().resolve(host, "gRPC");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("auth: " + e.getMessage(), e);
    }
    if (!tls && authenticator.requiresTransportSecurity()) {
      throw new IllegalArgumentException(
          "grpc: the credentials require transport level security (use"
              + " grpc.WithTransportCredentials() to set)");
    }
    return authenticator;
  }

  /** The headers of the batch a call sends: the configured ones, as the authenticator left them. */
  private static final CallOptions.Key<Map<String, String>> REQUEST_HEADERS =
      CallOptions.Key.createWithDefault("otelring.request-headers", Map.of());

  /** Puts a call's {@link #REQUEST_HEADERS} on it. */
  private static final class RequestHeaders implements ClientInterceptor {
    @Override
    public <Q, A> ClientCall<Q, A> interceptCall(
        MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
      Map<String, String> headers = options.getOption(REQUEST_HEADERS);
      return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
        @Override
        public void start(Listener<A> listener, Metadata metadata) {
          headers.forEach(
              (key, value) ->
                  metadata.put(
                      Metadata.Key.of(
                          key.toLowerCase(Locale.ROOT), Metadata.ASCII_STRING_MARSHALLER),
                      value));
          super.start(listener, metadata);
        }
      };
    }
  }

  /**
   * The configured {@code headers} and what the {@code auth} extension makes of them for this batch
   * — asked afresh for each, as tokens rotate and tenants differ.
   *
   * @throws Refusal permanent, when the extension cannot tell what to send for this batch
   */
  private Map<String, String> requestHeaders(Telemetry batch) {
    if (authenticator == null) {
      return config.headers();
    }
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(config.headers());
    try {
      authenticator.applyHeaders(batch.metadata(), headers);
    } catch (IllegalStateException e) {
      throw Refusal.permanent("auth: " + e.getMessage());
    }
    return headers;
  }

  private <S extends AbstractStub<S>> S configure(S stub) {
    S configured =
        Compression.isCompressed(config.compression())
            ? stub.withCompression(config.compression())
            : stub;
    return config.waitForReady() ? configured.withWaitForReady() : configured;
  }

  @Override
  public Delivery push(Telemetry batch, Duration timeout) {
    // The request goes out as the bytes the envelope holds — those received, when nothing parsed
    // them (EnvelopeMarshaller) — through the stub's channel and options (headers, compression,
    // wait-for-ready).
    Map<String, String> headers = requestHeaders(batch);
    try {
      return switch (batch.signal()) {
        case TRACES -> {
          ExportTracePartialSuccess partial =
              call(withDeadline(traces, timeout), TRACES_ENVELOPE, batch, headers)
                  .getPartialSuccess();
          yield delivery(partial.getRejectedSpans(), partial.getErrorMessage());
        }
        case METRICS -> {
          ExportMetricsPartialSuccess partial =
              call(withDeadline(metrics, timeout), METRICS_ENVELOPE, batch, headers)
                  .getPartialSuccess();
          yield delivery(partial.getRejectedDataPoints(), partial.getErrorMessage());
        }
        case LOGS -> {
          ExportLogsPartialSuccess partial =
              call(withDeadline(logs, timeout), LOGS_ENVELOPE, batch, headers).getPartialSuccess();
          yield delivery(partial.getRejectedLogRecords(), partial.getErrorMessage());
        }
      };
    } catch (StatusRuntimeException e) {
      throw WireStatus.fromGrpc(e);
    }
  }

  private static <R> R call(
      AbstractStub<?> stub,
      MethodDescriptor<Telemetry, R> method,
      Telemetry request,
      Map<String, String> headers) {
    return ClientCalls.blockingUnaryCall(
        stub.getChannel(),
        method,
        stub.getCallOptions().withOption(REQUEST_HEADERS, headers),
        request);
  }

  /** The generated Export methods, with the request side taking an envelope's bytes. */
  private static final MethodDescriptor<Telemetry, ExportTraceServiceResponse> TRACES_ENVELOPE =
      TraceServiceGrpc.getExportMethod().toBuilder(
              EnvelopeMarshaller.INSTANCE,
              ProtoUtils.marshaller(ExportTraceServiceResponse.getDefaultInstance()))
          .build();

  private static final MethodDescriptor<Telemetry, ExportMetricsServiceResponse> METRICS_ENVELOPE =
      MetricsServiceGrpc.getExportMethod().toBuilder(
              EnvelopeMarshaller.INSTANCE,
              ProtoUtils.marshaller(ExportMetricsServiceResponse.getDefaultInstance()))
          .build();

  private static final MethodDescriptor<Telemetry, ExportLogsServiceResponse> LOGS_ENVELOPE =
      LogsServiceGrpc.getExportMethod().toBuilder(
              EnvelopeMarshaller.INSTANCE,
              ProtoUtils.marshaller(ExportLogsServiceResponse.getDefaultInstance()))
          .build();

  private static <S extends AbstractStub<S>> S withDeadline(S stub, Duration timeout) {
    return timeout.isZero()
        ? stub
        : stub.withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  private static Delivery delivery(long rejected, String message) {
    return rejected == 0 && message.isEmpty() ? Delivery.ALL : new Delivery(rejected, message);
  }

  @Override
  public void shutdown(Duration deadline) throws InterruptedException {
    if (channel != null) {
      channel.shutdown();
      if (!channel.awaitTermination(Math.max(1, deadline.toMillis()), TimeUnit.MILLISECONDS)) {
        channel.shutdownNow();
      }
    }
    tlsReloading.close();
  }
}
