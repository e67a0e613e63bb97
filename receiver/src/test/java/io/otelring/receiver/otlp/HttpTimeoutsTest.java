package io.otelring.receiver.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.otelring.core.component.Signal;
import io.otelring.core.consumer.Consumer;
import io.otelring.core.consumer.Telemetry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.internal.http2.ErrorCode;
import okhttp3.internal.http2.StreamResetException;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code read_header_timeout}, {@code read_timeout} and {@code write_timeout} as Go's HTTP server
 * applies them, on raw HTTP/1.1 connections (to send slowly on purpose) and on HTTP/2 streams.
 */
class HttpTimeoutsTest {

  private static final Duration SHORT = Duration.ofMillis(300);
  private static final Duration NONE = Duration.ZERO;

  private RunningReceiver running;
  private final List<CompletableFuture<Void>> stalled = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() throws Exception {
    stalled.forEach(answer -> answer.complete(null)); // else shutting down waits for them
    if (running != null) {
      running.close();
    }
  }

  @Test
  void headersThatComeTooSlowlyGetTheConnectionClosedWithoutAnAnswer() throws Exception {
    running = RunningReceiver.startHttp(timeouts(SHORT, NONE, NONE, NONE));
    try (Socket socket = connect()) {
      long start = System.nanoTime();
      send(socket, "POST /v1/traces HTTP/1.1\r\nHost: otelring\r\n"); // no blank line: unfinished

      assertThat(socket.getInputStream().readAllBytes()).isEmpty();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(SHORT);
    }
    assertThat(exportOnNewConnection()).startsWith("HTTP/1.1 200 OK");
  }

  @Test
  void aBodyThatComesTooSlowlyIsAnswered400AndTheConnectionClosed() throws Exception {
    running = RunningReceiver.startHttp(timeouts(NONE, SHORT, NONE, NONE));
    byte[] body = Requests.traces(Requests.goodSpan("slow")).toByteArray();
    try (Socket socket = connect()) {
      send(socket, head(body.length));
      socket.getOutputStream().write(body, 0, body.length / 2);
      socket.getOutputStream().flush();

      String answer = text(socket.getInputStream().readAllBytes());
      assertThat(answer)
          .startsWith("HTTP/1.1 400 Bad Request")
          .contains("connection: close")
          .contains("reading the request timed out after 300ms (read_timeout)");
    }
    assertThat(running.traces.itemCount()).isZero();
    assertThat(exportOnNewConnection()).startsWith("HTTP/1.1 200 OK");
  }

  @Test
  void anAnswerNotReadyWithinTheWriteTimeoutGetsTheConnectionClosed() throws Exception {
    running =
        RunningReceiver.startHttp(timeouts(NONE, NONE, SHORT, NONE), stallingTwoSpanRequests());
    byte[] stalled = Requests.traces(Requests.goodSpan("a"), Requests.goodSpan("b")).toByteArray();
    try (Socket socket = connect()) {
      long start = System.nanoTime();
      send(socket, head(stalled.length));
      socket.getOutputStream().write(stalled);

      assertThat(socket.getInputStream().readAllBytes()).isEmpty();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(SHORT);
    }
    assertThat(exportOnNewConnection()).startsWith("HTTP/1.1 200 OK");
  }

  @Test
  void withoutAnIdleTimeoutAKeptAliveConnectionMustStartItsNextRequestInTime() throws Exception {
    running = RunningReceiver.startHttp(timeouts(SHORT, NONE, NONE, NONE));
    byte[] body = Requests.traces(Requests.goodSpan("one")).toByteArray();
    try (Socket socket = connect()) {
      send(socket, head(body.length));
      socket.getOutputStream().write(body);

      // The answer, then the end of the connection: no next request came within the timeout.
      assertThat(text(socket.getInputStream().readAllBytes())).startsWith("HTTP/1.1 200 OK");
    }
  }

  @Test
  void withAnIdleTimeoutTheNextRequestsClockStartsAtItsFirstBytes() throws Exception {
    running = RunningReceiver.startHttp(timeouts(SHORT, NONE, NONE, Duration.ofSeconds(5)));
    byte[] body = Requests.traces(Requests.goodSpan("one")).toByteArray();
    try (Socket socket = connect()) {
      socket.setSoTimeout(5_000);
      send(socket, head(body.length));
      socket.getOutputStream().write(body);
      assertThat(readAnswer(socket.getInputStream())).startsWith("HTTP/1.1 200 OK");

      // Idle for longer than the header timeout: the idle timeout is what applies now.
      await().pollDelay(SHORT.multipliedBy(2)).until(() -> true);
      send(socket, head(body.length));
      socket.getOutputStream().write(body);

      assertThat(readAnswer(socket.getInputStream())).startsWith("HTTP/1.1 200 OK");
    }
    assertThat(running.traces.itemCount()).isEqualTo(2);
  }

  @Test
  void onHttp2AnAnswerNotReadyInTimeResetsItsStreamOnly() throws Exception {
    running =
        RunningReceiver.startHttp(timeouts(NONE, NONE, SHORT, NONE), stallingTwoSpanRequests());
    OkHttpClient client =
        new OkHttpClient.Builder().protocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE)).build();
    try {
      byte[] stalled =
          Requests.traces(Requests.goodSpan("a"), Requests.goodSpan("b")).toByteArray();

      assertThatThrownBy(
              () -> client.newCall(post(RequestBody.create(stalled, PROTOBUF))).execute())
          .isInstanceOfSatisfying(
              StreamResetException.class,
              e -> assertThat(e.errorCode).isEqualTo(ErrorCode.INTERNAL_ERROR));

      byte[] good = Requests.traces(Requests.goodSpan("c")).toByteArray();
      try (Response response = client.newCall(post(RequestBody.create(good, PROTOBUF))).execute()) {
        assertThat(response.protocol()).isEqualTo(Protocol.H2_PRIOR_KNOWLEDGE);
        assertThat(response.code()).isEqualTo(200);
      }
    } finally {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  @Test
  void onHttp2ABodyThatComesTooSlowlyIsAnswered400AndItsStreamStopped() throws Exception {
    running = RunningReceiver.startHttp(timeouts(NONE, SHORT, NONE, NONE));
    OkHttpClient client =
        new OkHttpClient.Builder()
            .protocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE))
            .retryOnConnectionFailure(false)
            .build();
    byte[] body = Requests.traces(Requests.goodSpan("slow")).toByteArray();
    RequestBody halfThenStall =
        new RequestBody() {
          @Override
          public MediaType contentType() {
            return PROTOBUF;
          }

          @Override
          public void writeTo(BufferedSink sink) throws IOException {
            sink.write(body, 0, body.length / 2);
            sink.flush();
            // Trickle one more byte now and then until the server stops the stream.
            await()
                .atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(50))
                .until(
                    () -> {
                      try {
                        sink.writeByte(0);
                        sink.flush();
                        return false;
                      } catch (IOException stopped) {
                        return true;
                      }
                    });
          }
        };
    try (Response response = client.newCall(post(halfThenStall)).execute()) {
      assertThat(response.code()).isEqualTo(400);
      assertThat(response.body().string())
          .contains("reading the request timed out after 300ms (read_timeout)");
    } finally {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
    assertThat(running.traces.itemCount()).isZero();
  }

  private static final MediaType PROTOBUF = MediaType.get("application/x-protobuf");

  private Request post(RequestBody body) {
    return new Request.Builder().url(running.httpUrl("http", "/v1/traces")).post(body).build();
  }

  /** Requests of exactly two spans are not answered by the pipeline until the test ends. */
  private Map<Signal, Consumer> stallingTwoSpanRequests() {
    Consumer consumer =
        (Telemetry telemetry) -> {
          if (telemetry.itemCount() != 2) {
            return CompletableFuture.completedFuture(null);
          }
          CompletableFuture<Void> later = new CompletableFuture<>();
          stalled.add(later);
          return later;
        };
    return Map.of(Signal.TRACES, consumer);
  }

  private static HttpServerConfig timeouts(
      Duration readHeader, Duration read, Duration write, Duration idle) {
    HttpServerConfig local = RunningReceiver.localHttpConfig();
    return new HttpServerConfig(
        local.endpoint(),
        local.tls(),
        local.cors(),
        local.maxRequestBodySize(),
        local.includeMetadata(),
        local.responseHeaders(),
        local.compressionAlgorithms(),
        read,
        readHeader,
        write,
        idle,
        local.tracesUrlPath(),
        local.metricsUrlPath(),
        local.logsUrlPath());
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket("127.0.0.1", running.httpPort());
    socket.setSoTimeout(10_000); // a test that would hang fails instead
    return socket;
  }

  private String exportOnNewConnection() throws IOException {
    byte[] body = Requests.traces(Requests.goodSpan("after")).toByteArray();
    try (Socket socket = connect()) {
      send(socket, head(body.length));
      socket.getOutputStream().write(body);
      return readAnswer(socket.getInputStream());
    }
  }

  private static String head(int contentLength) {
    return "POST /v1/traces HTTP/1.1\r\nHost: otelring\r\nContent-Type: application/x-protobuf\r\n"
        + "Content-Length: "
        + contentLength
        + "\r\n\r\n";
  }

  private static void send(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /** One answer's status line and headers, and its body skipped by its length. */
  private static String readAnswer(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int next = in.read();
      if (next < 0) {
        break;
      }
      head.append((char) next);
    }
    String text = head.toString();
    int at = text.toLowerCase().indexOf("content-length:");
    if (at >= 0) {
      int end = text.indexOf("\r\n", at);
      in.readNBytes(Integer.parseInt(text.substring(at + 15, end).trim()));
    }
    return text;
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }
}
