package io.otelring.receiver.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.otelring.core.component.Signal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code read_header_timeout}, {@code read_timeout}, {@code write_timeout} and the idle wait
 * between requests as Go's HTTP server applies them, on raw HTTP/1.1 connections that send slowly
 * on purpose. {@link Http2TimeoutsTest} has the HTTP/2 streams.
 */
class HttpTimeoutsTest {

  private static final Duration SHORT = Duration.ofMillis(300);
  private static final Duration NONE = Duration.ZERO;

  private final StallingConsumer pipeline = new StallingConsumer(2);
  private RunningReceiver running;

  @AfterEach
  void stop() throws Exception {
    pipeline.releaseAll();
    if (running != null) {
      running.close();
    }
  }

  @Test
  void headersThatComeTooSlowlyGetTheConnectionClosedWithoutAnAnswer() throws Exception {
    running = RunningReceiver.startHttp(RunningReceiver.localHttpConfig(SHORT, NONE, NONE, NONE));
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
    running = RunningReceiver.startHttp(RunningReceiver.localHttpConfig(NONE, SHORT, NONE, NONE));
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
        RunningReceiver.startHttp(
            RunningReceiver.localHttpConfig(NONE, NONE, SHORT, NONE),
            Map.of(Signal.TRACES, pipeline));
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
  void aHundredContinueIsNotTheAnswerThatStartsTheNextRequestsClock() throws Exception {
    running = RunningReceiver.startHttp(RunningReceiver.localHttpConfig(SHORT, NONE, NONE, NONE));
    byte[] body = Requests.traces(Requests.goodSpan("continued")).toByteArray();
    try (Socket socket = connect()) {
      send(socket, head(body.length).replace("\r\n\r\n", "\r\nExpect: 100-continue\r\n\r\n"));
      assertThat(readAnswer(socket.getInputStream())).startsWith("HTTP/1.1 100 Continue");

      // Longer than the header timeout: the headers were in time, the body has no such limit.
      await().pollDelay(SHORT.multipliedBy(2)).until(() -> true);
      socket.getOutputStream().write(body);

      assertThat(readAnswer(socket.getInputStream())).startsWith("HTTP/1.1 200 OK");
    }
  }

  @Test
  void theIdleTimeoutDoesNotCloseAConnectionWhoseAnswerIsOnItsWay() throws Exception {
    running =
        RunningReceiver.startHttp(
            RunningReceiver.localHttpConfig(NONE, NONE, NONE, SHORT),
            Map.of(Signal.TRACES, pipeline));
    byte[] slow = Requests.traces(Requests.goodSpan("a"), Requests.goodSpan("b")).toByteArray();
    try (Socket socket = connect()) {
      send(socket, head(slow.length));
      socket.getOutputStream().write(slow);

      // The pipeline takes three idle timeouts to answer; the connection waits for it.
      await().pollDelay(SHORT.multipliedBy(3)).until(() -> true);
      pipeline.releaseAll();

      assertThat(readAnswer(socket.getInputStream())).startsWith("HTTP/1.1 200 OK");
      // Then, with nothing more to answer, the idle timeout closes it.
      assertThat(socket.getInputStream().read()).isEqualTo(-1);
    }
  }

  @Test
  void withoutAnIdleTimeoutAKeptAliveConnectionMustStartItsNextRequestInTime() throws Exception {
    running = RunningReceiver.startHttp(RunningReceiver.localHttpConfig(SHORT, NONE, NONE, NONE));
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
    running =
        RunningReceiver.startHttp(
            RunningReceiver.localHttpConfig(SHORT, NONE, NONE, Duration.ofSeconds(5)));
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
