package io.otelring.bench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import io.otelring.bench.wire.WireItemCounter;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.Refusal;
import io.otelring.core.consumer.WireStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/**
 * {@code loadgen --retry} against a real grpc-java server that refuses the first requests, as a
 * collector under backpressure does, and then accepts.
 */
@Timeout(60)
class LoadRetryTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicLong receivedSpans = new AtomicLong();
  private final List<Long> arrivals = new CopyOnWriteArrayList<>();
  private Server server;
  private HttpServer http;

  @AfterEach
  void stop() throws InterruptedException {
    if (server != null) {
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    if (http != null) {
      http.stop(0);
    }
  }

  /** A gRPC trace service: calls 1 to {@code refusals} get {@code answer}, the others succeed. */
  private int start(int refusals, Status.Code code, Duration retryInfo) throws Exception {
    var method = ByteArrayMarshaller.exportMethod(Signal.TRACES);
    ServerServiceDefinition service =
        ServerServiceDefinition.builder(method.getServiceName())
            .addMethod(
                method,
                ServerCalls.asyncUnaryCall(
                    (body, response) -> {
                      arrivals.add(System.nanoTime());
                      if (calls.incrementAndGet() <= refusals) {
                        response.onError(
                            retryInfo != null
                                ? WireStatus.toGrpcException(Refusal.retryable("busy", retryInfo))
                                : code.toStatus().withDescription("no").asRuntimeException());
                        return;
                      }
                      receivedSpans.addAndGet(WireItemCounter.count(Signal.TRACES, body));
                      response.onNext(new byte[0]);
                      response.onCompleted();
                    }))
            .build();
    server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .addService(service)
            .build()
            .start();
    return server.getPort();
  }

  private int run(String... args) {
    CommandLine command = LoadGenerator.commandLine();
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    return command.execute(args);
  }

  @Test
  void aRequestRefusedThreeTimesIsSentAgainAfterTheAskedDelayAndCountedOnce() throws Exception {
    int port = start(3, Status.Code.UNAVAILABLE, Duration.ofMillis(150));

    int exit =
        run(
            "--endpoint",
            "127.0.0.1:" + port,
            "--insecure",
            "--shape",
            "testbed",
            "--count",
            "1000",
            "--retry");

    assertThat(exit).isZero();
    assertThat(calls.get()).isEqualTo(13);
    assertThat(receivedSpans.get()).isEqualTo(1000);
    // The first request went four times, each after the 150 ms its refusal asked for.
    for (int i = 1; i <= 3; i++) {
      assertThat(arrivals.get(i) - arrivals.get(i - 1))
          .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(150));
    }
    assertThat(out.toString())
        .contains("sent:     10 requests, 1,000 spans")
        .contains("accepted: 1,000 spans")
        .contains("refused:  300 spans in 3 retryable answers")
        .contains("retried:  3 requests (300 spans)")
        .contains("given up: 0 requests (0 spans) never accepted");
  }

  @Test
  void withoutRetryARefusalIsFinal() throws Exception {
    int port = start(1, Status.Code.UNAVAILABLE, Duration.ofMillis(10));

    int exit = run("--endpoint", "127.0.0.1:" + port, "--insecure", "--count", "512");

    assertThat(exit).isZero();
    assertThat(calls.get()).isEqualTo(1);
    assertThat(out.toString()).contains("accepted: 0 spans").contains("refused:  512 spans\n");
    assertThat(out.toString()).doesNotContain("retried");
  }

  @Test
  void aPermanentErrorIsNotRetried() throws Exception {
    int port = start(1, Status.Code.INVALID_ARGUMENT, null);

    int exit = run("--endpoint", "127.0.0.1:" + port, "--insecure", "--count", "512", "--retry");

    assertThat(exit).isEqualTo(1);
    assertThat(calls.get()).isEqualTo(1);
    assertThat(out.toString())
        .contains("errors:   1 requests (512 spans)")
        .contains("retried:  0 requests")
        .contains("given up: 1 requests (512 spans) never accepted");
  }

  @Test
  void resourceExhaustedWithoutRetryInfoIsPermanent() throws Exception {
    int port = start(1, Status.Code.RESOURCE_EXHAUSTED, null);

    assertThat(run("--endpoint", "127.0.0.1:" + port, "--insecure", "--retry")).isEqualTo(1);
    assertThat(calls.get()).isEqualTo(1);
  }

  @Test
  void aRequestStillRefusedAtItsDeadlineIsGivenUp() throws Exception {
    int port = start(Integer.MAX_VALUE, Status.Code.UNAVAILABLE, Duration.ofMillis(100));

    int exit =
        run(
            "--endpoint",
            "127.0.0.1:" + port,
            "--insecure",
            "--retry",
            "--retry-max-elapsed",
            "350ms");

    assertThat(exit).isEqualTo(1);
    // Sent at 0 and about 100, 200 and 300 ms; the next would start after 350 ms.
    assertThat(calls.get()).isBetween(2, 4);
    assertThat(out.toString())
        .contains("accepted: 0 spans")
        .contains("given up: 1 requests (512 spans) never accepted");
  }

  @Test
  void anUnreachableCollectorIsRetriedWithBackoffThenGivenUp() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }

    int exit =
        run(
            "--endpoint",
            "127.0.0.1:" + port,
            "--insecure",
            "--retry",
            "--retry-initial",
            "20ms",
            "--retry-max",
            "40ms",
            "--retry-max-elapsed",
            "500ms");

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString())
        .contains("refused:  0 spans in 0 retryable answers")
        .containsPattern("retried:  [1-9][0-9]* requests")
        .contains("given up: 1 requests (512 spans) never accepted");
  }

  @Test
  void anHttp503IsSentAgainAfterRetryAfter() throws Exception {
    AtomicInteger httpCalls = new AtomicInteger();
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext(
        "/v1/traces",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          if (httpCalls.incrementAndGet() <= 2) {
            exchange.getResponseHeaders().set("Retry-After", "0");
            exchange.sendResponseHeaders(503, -1);
          } else {
            receivedSpans.addAndGet(WireItemCounter.count(Signal.TRACES, body));
            exchange.sendResponseHeaders(200, -1);
          }
          exchange.close();
        });
    http.start();

    int exit =
        run(
            "--protocol",
            "http/protobuf",
            "--endpoint",
            "127.0.0.1:" + http.getAddress().getPort(),
            "--insecure",
            "--batch",
            "10",
            "--count",
            "30",
            "--retry");

    assertThat(exit).isZero();
    assertThat(receivedSpans.get()).isEqualTo(30);
    assertThat(out.toString())
        .contains("accepted: 30 spans")
        .contains("refused:  20 spans in 2 retryable answers")
        .contains("retried:  2 requests (20 spans)");
  }

  @Test
  void backoffGrowsToItsCapAndTheAskedDelayWins() {
    RetryPolicy policy =
        new RetryPolicy(
            true, Duration.ofSeconds(1), Duration.ofSeconds(3), 2, Duration.ofMinutes(1));
    // A random of 0.5 is the middle of the ±20 % jitter: the interval itself.
    RetrySchedule schedule = new RetrySchedule(policy, 0, () -> 0.5);

    assertThat(schedule.next(null, 0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(schedule.next(null, 0)).isEqualTo(Duration.ofSeconds(2));
    assertThat(schedule.next(Duration.ofMillis(250), 0)).isEqualTo(Duration.ofMillis(250));
    assertThat(schedule.next(null, 0)).isEqualTo(Duration.ofSeconds(3));
    assertThat(schedule.next(null, 0)).isEqualTo(Duration.ofSeconds(3));
    // The jitter's ends.
    assertThat(new RetrySchedule(policy, 0, () -> 0.0).next(null, 0))
        .isEqualTo(Duration.ofMillis(800));
    // No attempt after the deadline.
    assertThat(schedule.next(Duration.ofSeconds(2), TimeUnit.SECONDS.toNanos(59))).isNull();
    assertThat(schedule.next(Duration.ofSeconds(1), TimeUnit.SECONDS.toNanos(59))).isNotNull();
  }
}
