package io.otelring.collector;

import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A real OTLP/gRPC trace backend for collector tests: grpc-java with the generated service, on a
 * free port of 127.0.0.1, keeping every request it is sent.
 */
final class OtlpBackend implements AutoCloseable {

  private final List<ExportTraceServiceRequest> received = new CopyOnWriteArrayList<>();
  private final Server server;

  private OtlpBackend() throws IOException {
    server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .addService(
                new TraceServiceGrpc.TraceServiceImplBase() {
                  @Override
                  public void export(
                      ExportTraceServiceRequest request,
                      StreamObserver<ExportTraceServiceResponse> observer) {
                    received.add(request);
                    observer.onNext(ExportTraceServiceResponse.getDefaultInstance());
                    observer.onCompleted();
                  }
                })
            .build()
            .start();
  }

  static OtlpBackend start() throws IOException {
    return new OtlpBackend();
  }

  int port() {
    return server.getPort();
  }

  List<io.opentelemetry.proto.trace.v1.Span> spans() {
    return received.stream()
        .flatMap(r -> r.getResourceSpansList().stream())
        .flatMap(rs -> rs.getScopeSpansList().stream())
        .flatMap(ss -> ss.getSpansList().stream())
        .toList();
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}
