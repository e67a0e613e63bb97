package io.otelring.receiver.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.otelring.core.component.ComponentId;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Kind;
import io.otelring.core.component.ReceiverConsumers;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.Consumer;
import io.otelring.core.consumer.Telemetry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class LifecycleTest {

  private static OtlpReceiver receiver(OtlpReceiverConfig config) {
    return (OtlpReceiver)
        new OtlpReceiverFactory()
            .createReceiver(
                ComponentSettings.of(
                    ComponentId.of("otlp"), Kind.RECEIVER, new SimpleMeterRegistry()),
                config,
                new ReceiverConsumers(Map.of(Signal.TRACES, t -> Consumer.ACCEPTED)));
  }

  private static OtlpReceiverConfig grpcOn(String endpoint) {
    return new OtlpReceiverConfig(
        new Protocols(GrpcServerConfig.defaults().withEndpoint(endpoint), null));
  }

  @Test
  void startFailsWhenThePortIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      String endpoint = "127.0.0.1:" + taken.getLocalPort();
      OtlpReceiver receiver = receiver(grpcOn(endpoint));

      assertThatThrownBy(receiver::start)
          .isInstanceOf(IOException.class)
          .hasMessageStartingWith("otlp: cannot listen for gRPC on " + endpoint + ": ")
          .hasMessageContaining("in use");
      receiver.shutdown(Duration.ofSeconds(1));
    }
  }

  @Test
  void startFailsWhenTheCertificateCannotBeRead() {
    var grpc =
        new GrpcServerConfig(
            "127.0.0.1:0",
            null,
            TlsServerConfig.ofFiles("/nonexistent/server.crt", "/nonexistent/server.key", null),
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    OtlpReceiver receiver = receiver(new OtlpReceiverConfig(new Protocols(grpc, null)));

    assertThatThrownBy(receiver::start)
        .isInstanceOf(IOException.class)
        .hasMessageContaining("127.0.0.1:0")
        .hasMessageContaining("/nonexistent/server.crt");
  }

  @Test
  void shutdownIsSafeWithoutStartAndIdempotent() throws Exception {
    OtlpReceiver receiver = receiver(grpcOn("127.0.0.1:0"));
    receiver.shutdown(Duration.ofSeconds(1));
    receiver.shutdown(Duration.ofSeconds(1));

    OtlpReceiver started = receiver(grpcOn("127.0.0.1:0"));
    started.start();
    started.shutdown(Duration.ofSeconds(1));
    assertThatCode(() -> started.shutdown(Duration.ofSeconds(1))).doesNotThrowAnyException();
    assertThat(started.grpcAddress()).isEmpty();
  }

  @Test
  void bothServersStartAndStopTogether() throws Exception {
    OtlpReceiver receiver =
        receiver(
            new OtlpReceiverConfig(
                new Protocols(
                    GrpcServerConfig.defaults().withEndpoint("127.0.0.1:0"),
                    HttpServerConfig.defaults().withEndpoint("127.0.0.1:0"))));

    receiver.start();
    int grpcPort = receiver.grpcAddress().orElseThrow().getPort();
    int httpPort = receiver.httpAddress().orElseThrow().getPort();
    receiver.shutdown(Duration.ofSeconds(1));

    assertThat(receiver.grpcAddress()).isEmpty();
    assertThat(receiver.httpAddress()).isEmpty();
    for (int port : new int[] {grpcPort, httpPort}) {
      // The event loops close their sockets as the last step of shutdown, a moment later.
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(5))
          .ignoreExceptions()
          .untilAsserted(
              () -> {
                try (ServerSocket free = new ServerSocket()) {
                  free.setReuseAddress(true);
                  free.bind(
                      new java.net.InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
                  assertThat(free.getLocalPort()).as("port %d is released", port).isEqualTo(port);
                }
              });
    }
  }

  @Test
  void aTakenHttpPortFailsStartAndReleasesTheGrpcServer() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      String endpoint = "127.0.0.1:" + taken.getLocalPort();
      OtlpReceiver receiver =
          receiver(
              new OtlpReceiverConfig(
                  new Protocols(
                      GrpcServerConfig.defaults().withEndpoint("127.0.0.1:0"),
                      HttpServerConfig.defaults().withEndpoint(endpoint))));

      assertThatThrownBy(receiver::start)
          .isInstanceOf(IOException.class)
          .hasMessageStartingWith("otlp: cannot listen for HTTP on " + endpoint + ": ");
      assertThat(receiver.grpcAddress()).isEmpty();
      receiver.shutdown(Duration.ofSeconds(1));
    }
  }

  @Test
  void shutdownLetsAnHttpRequestInFlightBeAnswered() throws Exception {
    CompletableFuture<Void> pipeline = new CompletableFuture<>();
    AtomicBoolean consumed = new AtomicBoolean();
    Consumer slow =
        telemetry -> {
          consumed.set(true);
          return pipeline;
        };
    RunningReceiver running =
        RunningReceiver.startHttp(RunningReceiver.localHttpConfig(), Map.of(Signal.TRACES, slow));
    int port = running.httpPort();
    HttpCalls http = new HttpCalls(running);
    var answer =
        CompletableFuture.supplyAsync(
            () ->
                http.post(
                    "/v1/traces",
                    HttpCalls.PROTOBUF,
                    Requests.traces(Requests.goodSpan("late")).toByteArray()));
    await().untilTrue(consumed);

    CompletableFuture<Void> stopped =
        CompletableFuture.runAsync(
            () -> {
              try {
                running.close();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    // Shutdown has begun once new connections are refused; the request in flight is still open.
    await().until(() -> !accepts(port));
    assertThat(answer).isNotDone();
    pipeline.complete(null);

    assertThat(answer.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    stopped.get(10, TimeUnit.SECONDS);
  }

  @Test
  void shutdownLetsACallInFlightFinishAndRefusesNewOnes() throws Exception {
    CompletableFuture<Void> pipeline = new CompletableFuture<>();
    AtomicBoolean consumed = new AtomicBoolean();
    Consumer slow =
        new Consumer() {
          @Override
          public CompletionStage<Void> consume(Telemetry telemetry) {
            consumed.set(true);
            return pipeline;
          }
        };
    try (RunningReceiver running =
        RunningReceiver.start(RunningReceiver.localConfig(), Map.of(Signal.TRACES, slow))) {
      var stub = TraceServiceGrpc.newFutureStub(running.plaintextChannel());
      var inFlight = stub.export(Requests.traces(Requests.goodSpan("a")));
      await().untilTrue(consumed);

      CompletableFuture<Void> stopping =
          CompletableFuture.runAsync(
              () -> {
                try {
                  running.receiver.shutdown(Duration.ofSeconds(10));
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      await().pollDelay(Duration.ofMillis(200)).until(() -> !stopping.isDone());
      assertThatThrownBy(() -> stub.export(Requests.traces(Requests.goodSpan("b"))).get())
          .hasCauseInstanceOf(StatusRuntimeException.class)
          .satisfies(
              e ->
                  assertThat(Status.fromThrowable(e).getCode()).isEqualTo(Status.Code.UNAVAILABLE));

      pipeline.complete(null);

      assertThat(inFlight.get(5, TimeUnit.SECONDS))
          .isEqualTo(ExportTraceServiceResponse.getDefaultInstance());
      stopping.get(5, TimeUnit.SECONDS);
    }
  }

  private static boolean accepts(int port) {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException refused) {
      return false;
    }
  }
}
