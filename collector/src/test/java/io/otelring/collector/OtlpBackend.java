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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A real OTLP/gRPC trace backend for collector tests: grpc-java with the generated service, on a
 * free port of 127.0.0.1, keeping every request it is sent. {@link #stall} holds every answer (a
 * slow backend) until {@link #resume}.
 */
final class OtlpBackend implements AutoCloseable {

  private final List<ExportTraceServiceRequest> received = new CopyOnWriteArrayList<>();
  private final Server server;
  private volatile CountDownLatch stalled = new CountDownLatch(0);

  private OtlpBackend() throws IOException {
    server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .addService(
                new TraceServiceGrpc.TraceServiceImplBase() {
                  @Override
                  public void export(
                      ExportTraceServiceRequest request,
                      StreamObserver<ExportTraceServiceResponse> observer) {
                    try {
                      // grpc-java runs each call on its executor's thread: waiting here stalls
                      // this call only.
                      stalled.await();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      observer.onError(e);
                      return;
                    }
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

  /** Holds every call's answer from now until {@link #resume}. */
  void stall() {
    stalled = new CountDownLatch(1);
  }

  void resume() {
    stalled.countDown();
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
    resume();
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}
