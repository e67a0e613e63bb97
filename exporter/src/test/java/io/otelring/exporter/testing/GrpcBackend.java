package io.otelring.exporter.testing;

import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.netty.handler.ssl.SslContext;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.otelring.core.consumer.ItemCounts;
import io.otelring.core.consumer.Refusal;
import io.otelring.core.consumer.WireStatus;
import io.otelring.core.grpc.GrpcCodecs;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real OTLP gRPC server on 127.0.0.1 (grpc-java with the generated services) that answers as the
 * test tells it: OK, UNAVAILABLE with RetryInfo, a permanent error, a partial success, or nothing.
 * Takes gzip and zstd messages. Keeps what it accepted and the headers of every call.
 */
public final class GrpcBackend implements AutoCloseable {

  /** How the backend answers the next calls. */
  public enum Mode {
    OK,
    UNAVAILABLE,
    PERMANENT,
    PARTIAL,
    HANG
  }

  public volatile Mode mode = Mode.OK;
  public volatile Duration retryDelay = Duration.ofMillis(50);
  public final List<ExportTraceServiceRequest> traces = new CopyOnWriteArrayList<>();
  public final List<ExportMetricsServiceRequest> metrics = new CopyOnWriteArrayList<>();
  public final List<ExportLogsServiceRequest> logs = new CopyOnWriteArrayList<>();
  public final List<Metadata> headers = new CopyOnWriteArrayList<>();
  public final AtomicInteger calls = new AtomicInteger();
  private final Server server;

  private GrpcBackend(int port, int maxInboundBytes, SslContext ssl) throws IOException {
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port))
            .maxInboundMessageSize(maxInboundBytes)
            // Takes zstd as a Go collector does; grpc-java alone knows only gzip.
            .decompressorRegistry(GrpcCodecs.decompressors());
    if (ssl != null) {
      builder.sslContext(ssl);
    }
    ServerInterceptor recordHeaders =
        new ServerInterceptor() {
          @Override
          public <Q, A> ServerCall.Listener<Q> interceptCall(
              ServerCall<Q, A> call, Metadata metadata, ServerCallHandler<Q, A> next) {
            headers.add(metadata);
            calls.incrementAndGet();
            return next.startCall(call, metadata);
          }
        };
    builder.addService(ServerInterceptors.intercept(new Traces(), recordHeaders));
    builder.addService(ServerInterceptors.intercept(new Metrics(), recordHeaders));
    builder.addService(ServerInterceptors.intercept(new Logs(), recordHeaders));
    this.server = builder.build().start();
  }

  public static GrpcBackend start() throws IOException {
    return new GrpcBackend(0, 64 * 1024 * 1024, null);
  }

  /** A backend on a given port (0: any) that refuses messages over {@code maxInboundBytes}. */
  public static GrpcBackend start(int port, int maxInboundBytes, SslContext ssl)
      throws IOException {
    return new GrpcBackend(port, maxInboundBytes, ssl);
  }

  public int port() {
    return server.getPort();
  }

  /** The names of every span accepted, with repeats. */
  public List<String> spanNames() {
    List<String> names = new ArrayList<>();
    for (ExportTraceServiceRequest request : traces) {
      for (ResourceSpans resource : request.getResourceSpansList()) {
        for (ScopeSpans scope : resource.getScopeSpansList()) {
          for (Span span : scope.getSpansList()) {
            names.add(span.getName());
          }
        }
      }
    }
    return names;
  }

  public int spanCount() {
    return traces.stream().mapToInt(ItemCounts::spans).sum();
  }

  /** The last value of a header across calls, or null. */
  public String lastHeader(String name) {
    String value = null;
    for (Metadata metadata : headers) {
      String v = metadata.get(Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER));
      if (v != null) {
        value = v;
      }
    }
    return value;
  }

  private final Map<Object, Boolean> hanging = new ConcurrentHashMap<>();

  /** Answers per mode; returns true when the request is accepted and should be kept. */
  private <T> boolean answer(StreamObserver<T> observer, T ok, T partial) {
    switch (mode) {
      case OK -> {
        observer.onNext(ok);
        observer.onCompleted();
        return true;
      }
      case PARTIAL -> {
        observer.onNext(partial);
        observer.onCompleted();
        return true;
      }
      case UNAVAILABLE ->
          observer.onError(
              WireStatus.toGrpcException(Refusal.retryable("backend is down", retryDelay)));
      case PERMANENT ->
          observer.onError(
              Status.INVALID_ARGUMENT
                  .withDescription("bad data, never again")
                  .asRuntimeException());
      case HANG -> hanging.put(observer, true);
    }
    return false;
  }

  private final class Traces extends TraceServiceGrpc.TraceServiceImplBase {
    @Override
    public void export(
        ExportTraceServiceRequest request, StreamObserver<ExportTraceServiceResponse> observer) {
      Mode now = mode;
      if (now == Mode.OK || now == Mode.PARTIAL) {
        traces.add(request);
      }
      answer(
          observer,
          ExportTraceServiceResponse.getDefaultInstance(),
          ExportTraceServiceResponse.newBuilder()
              .setPartialSuccess(
                  ExportTracePartialSuccess.newBuilder()
                      .setRejectedSpans(1)
                      .setErrorMessage("one span is too old"))
              .build());
    }
  }

  private final class Metrics extends MetricsServiceGrpc.MetricsServiceImplBase {
    @Override
    public void export(
        ExportMetricsServiceRequest request,
        StreamObserver<ExportMetricsServiceResponse> observer) {
      if (answer(
          observer,
          ExportMetricsServiceResponse.getDefaultInstance(),
          ExportMetricsServiceResponse.getDefaultInstance())) {
        metrics.add(request);
      }
    }
  }

  private final class Logs extends LogsServiceGrpc.LogsServiceImplBase {
    @Override
    public void export(
        ExportLogsServiceRequest request, StreamObserver<ExportLogsServiceResponse> observer) {
      if (answer(
          observer,
          ExportLogsServiceResponse.getDefaultInstance(),
          ExportLogsServiceResponse.getDefaultInstance())) {
        logs.add(request);
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow();
    server.awaitTermination(5, TimeUnit.SECONDS);
  }
}
