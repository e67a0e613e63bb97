package io.otelring.receiver.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.otelring.core.component.Signal;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * {@code read_timeout} and {@code write_timeout} on HTTP/2 streams (h2c, OkHttp): they apply per
 * stream, from the stream's start, and cut that stream only, as in Go's HTTP/2 server.
 */
class Http2TimeoutsTest {

  private static final Duration SHORT = Duration.ofMillis(300);
  private static final Duration NONE = Duration.ZERO;
  private static final MediaType PROTOBUF = MediaType.get("application/x-protobuf");

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
  void onHttp2AnAnswerNotReadyInTimeResetsItsStreamOnly() throws Exception {
    running =
        RunningReceiver.startHttp(
            RunningReceiver.localHttpConfig(NONE, NONE, SHORT, NONE),
            Map.of(Signal.TRACES, pipeline));
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
    running = RunningReceiver.startHttp(RunningReceiver.localHttpConfig(NONE, SHORT, NONE, NONE));
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

  private Request post(RequestBody body) {
    return new Request.Builder().url(running.httpUrl("http", "/v1/traces")).post(body).build();
  }
}
