package io.otelring.bench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.otelring.bench.baseline.Baseline;
import io.otelring.bench.baseline.BaselineServer;
import io.otelring.bench.wire.WireItemCounter;
import io.otelring.core.component.Signal;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/** The load generator's command line against real servers on 127.0.0.1. */
@Timeout(60)
class LoadGeneratorTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private BaselineServer baseline;
  private HttpServer http;

  @AfterEach
  void stop() {
    if (baseline != null) {
      baseline.close();
    }
    if (http != null) {
      http.stop(0);
    }
  }

  private int run(String... args) {
    CommandLine command = LoadGenerator.commandLine();
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    return command.execute(args);
  }

  @Test
  void sendsCountSpansOverGrpcToB0AndSummarises() throws Exception {
    baseline = BaselineServer.start(Baseline.B0, "127.0.0.1", 0, null);

    int exit =
        run(
            "traces",
            "--endpoint",
            "127.0.0.1:" + baseline.port(),
            "--insecure",
            "--shape",
            "testbed",
            "--workers",
            "3",
            "--count",
            "1000",
            "--header",
            "x-tenant=a");

    assertThat(exit).isZero();
    assertThat(baseline.counts().items(Signal.TRACES)).isEqualTo(1000);
    assertThat(baseline.counts().requests()).isEqualTo(10);
    assertThat(out.toString())
        .contains("sent:     10 requests, 1,000 spans")
        .contains("accepted: 1,000 spans")
        .contains("refused:  0 spans")
        .contains("errors:   0 requests")
        .containsPattern("latency:  p50 [0-9.]+ ms, p99 [0-9.]+ ms");
  }

  @Test
  void sendsMetricsAndLogsToTheParsingBaseline() {
    try (BaselineServer b2 = BaselineServer.start(Baseline.B2, "127.0.0.1", 0, null)) {
      String endpoint = "http://127.0.0.1:" + b2.port();

      assertThat(run("metrics", "--endpoint", endpoint, "--count", "250", "--batch", "50"))
          .isZero();
      assertThat(run("logs", "--endpoint", endpoint, "--batch", "30", "--compression", "gzip"))
          .isZero();

      assertThat(b2.counts().items(Signal.METRICS)).isEqualTo(250);
      // With neither --count nor --duration, one request.
      assertThat(b2.counts().items(Signal.LOGS)).isEqualTo(30);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void sendsGzippedProtobufOverHttpWithHeadersAndCountsRefusals() throws Exception {
    List<String> encodings = new CopyOnWriteArrayList<>();
    List<String> tenants = new CopyOnWriteArrayList<>();
    AtomicInteger spans = new AtomicInteger();
    AtomicInteger calls = new AtomicInteger();
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext(
        "/v1/traces",
        exchange -> {
          encodings.add(exchange.getRequestHeaders().getFirst("Content-Encoding"));
          tenants.add(exchange.getRequestHeaders().getFirst("X-Tenant"));
          byte[] body = new GZIPInputStream(exchange.getRequestBody()).readAllBytes();
          // Every third request is refused, as a collector under backpressure would.
          boolean refuse = calls.incrementAndGet() % 3 == 0;
          if (!refuse) {
            spans.addAndGet(WireItemCounter.count(Signal.TRACES, body));
          }
          exchange.sendResponseHeaders(refuse ? 503 : 200, -1);
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
            "--compression",
            "gzip",
            "--header",
            "x-tenant=acme",
            "--shape",
            "genai",
            "--batch",
            "10",
            "--count",
            "60");

    assertThat(exit).isZero();
    assertThat(spans.get()).isEqualTo(40);
    assertThat(encodings).hasSize(6).containsOnly("gzip");
    assertThat(tenants).containsOnly("acme");
    assertThat(out.toString())
        .contains("accepted: 40 spans")
        .contains("refused:  20 spans")
        .contains("last error: HTTP 503");
  }

  @Test
  void aPacedLoadDoesNotExceedItsRate() throws Exception {
    baseline = BaselineServer.start(Baseline.B0, "127.0.0.1", 0, null);

    int exit =
        run(
            "--endpoint",
            "127.0.0.1:" + baseline.port(),
            "--insecure",
            "--shape",
            "testbed",
            "--batch",
            "10",
            "--workers",
            "2",
            "--rate",
            "200",
            "--duration",
            "1s");

    assertThat(exit).isZero();
    // 200 spans/s for 1 s, plus at most the first request of each worker.
    assertThat(baseline.counts().items(Signal.TRACES)).isBetween(10L, 220L);
  }

  @Test
  void anUnreachableCollectorIsAnErrorNotARefusal() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }

    int exit = run("--endpoint", "127.0.0.1:" + port, "--insecure", "--count", "1");

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString()).contains("errors:   1 requests (512 spans)").contains("refused:  0");
  }

  @Test
  void sendsOtlpJsonOverHttpAndReadsAJsonPartialSuccess() throws Exception {
    List<String> contentTypes = new CopyOnWriteArrayList<>();
    AtomicInteger spans = new AtomicInteger();
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext(
        "/v1/traces",
        exchange -> {
          contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
          var request =
              io.otelring.core.otlpjson.OtlpJson.decodeTraces(
                  exchange.getRequestBody().readAllBytes());
          spans.addAndGet(io.otelring.core.consumer.ItemCounts.spans(request));
          byte[] answer =
              "{\"partialSuccess\":{\"rejectedSpans\":\"1\"}}"
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    http.start();

    int exit =
        run(
            "--protocol",
            "http/json",
            "--endpoint",
            "127.0.0.1:" + http.getAddress().getPort(),
            "--insecure",
            "--shape",
            "genai",
            "--batch",
            "10",
            "--count",
            "30");

    assertThat(exit).isZero();
    assertThat(spans.get()).isEqualTo(30);
    assertThat(contentTypes).containsOnly("application/json");
    assertThat(out.toString()).contains("refused:  3 spans");
  }

  @Test
  void badFlagsAreNamed() {
    assertThat(run("spans")).isEqualTo(2);
    assertThat(run("--shape", "huge")).isEqualTo(2);
    assertThat(run("--compression", "zstd")).isEqualTo(2);
    assertThat(err.toString())
        .contains("unknown signal \"spans\"")
        .contains("unknown shape \"huge\"")
        .contains("unknown compression \"zstd\"");
  }

  @Test
  void endpointsTakeHostPortOrUrls() {
    assertThat(Endpoint.parse("collector:4317", Protocol.GRPC, false))
        .isEqualTo(new Endpoint("collector", 4317, true));
    assertThat(Endpoint.parse("", Protocol.HTTP_PROTOBUF, true))
        .isEqualTo(new Endpoint("localhost", 4318, false));
    assertThat(Endpoint.parse("https://otel.example:443", Protocol.GRPC, true).tls()).isTrue();
    assertThat(new Endpoint("::1", 4318, false).httpUri("logs"))
        .hasToString("http://[::1]:4318/v1/logs");
  }

  @Test
  void theStatusLineShowsRateAndTotals() {
    StatusLine line = new StatusLine(new LoadStats(), "spans", false, System.err);
    assertThat(line.line(5_200_000_000L, 51200, new LoadStats.Counts(100, 51200, 51000, 200, 0, 0)))
        .isEqualTo("[   5s] 51,200 spans/s  accepted 51,000  refused 200  errors 0");
    StatusLine retrying = new StatusLine(new LoadStats(), "spans", true, System.err);
    assertThat(
            retrying.line(
                5_200_000_000L,
                51200,
                new LoadStats.Counts(100, 51200, 51000, 200, 0, 0, 2, 3, 300, 1, 100)))
        .isEqualTo(
            "[   5s] 51,200 spans/s  accepted 51,000  refused 200  errors 0  retried 300"
                + "  given up 100");
  }
}
