package io.otelring.receiver.otlp;

import static io.otelring.receiver.otlp.HttpCalls.PROTOBUF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HTTP/1.1 keep-alive and pipelining, HTTP/1.0, and h2c by prior knowledge and by upgrade. */
class HttpProtocolsTest {

  private RunningReceiver running;

  @BeforeEach
  void start() throws Exception {
    running = RunningReceiver.startHttp(RunningReceiver.localHttpConfig());
  }

  @AfterEach
  void stop() throws Exception {
    running.close();
  }

  @Test
  void pipelinedRequestsOnOneKeptAliveConnectionAreAnsweredInOrder() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", running.httpPort())) {
      OutputStream out = socket.getOutputStream();
      // Three requests written at once: a good one, an unknown path, a good one.
      out.write(rawRequest("/v1/traces", Requests.traces(Requests.goodSpan("one")).toByteArray()));
      out.write(rawRequest("/v1/nope", new byte[0]));
      out.write(rawRequest("/v1/traces", Requests.traces(Requests.goodSpan("two")).toByteArray()));
      out.flush();

      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
      List<String> statusLines = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        statusLines.add(in.readLine());
        int length = 0;
        for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
          if (line.toLowerCase().startsWith("content-length:")) {
            length = Integer.parseInt(line.substring(15).trim());
          }
        }
        in.skip(length);
      }

      assertThat(statusLines)
          .containsExactly("HTTP/1.1 200 OK", "HTTP/1.1 404 Not Found", "HTTP/1.1 200 OK");
    }
    await().until(() -> running.traces.itemCount() == 2);
  }

  @Test
  void anHttp10RequestIsAnsweredAndTheConnectionClosed() throws Exception {
    byte[] body = Requests.traces(Requests.goodSpan("old")).toByteArray();
    try (Socket socket = new Socket("127.0.0.1", running.httpPort())) {
      socket
          .getOutputStream()
          .write(
              ("POST /v1/traces HTTP/1.0\r\nContent-Type: application/x-protobuf\r\nContent-Length: "
                      + body.length
                      + "\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().write(body);
      String answer =
          new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

      assertThat(answer).startsWith("HTTP/1.1 200 OK").contains("connection: close");
    }
  }

  @Test
  void h2cWithPriorKnowledgeServesEachStream() throws Exception {
    OkHttpClient client =
        new OkHttpClient.Builder().protocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE)).build();
    try {
      for (int i = 0; i < 3; i++) {
        Request request =
            new Request.Builder()
                .url(running.httpUrl("http", "/v1/traces"))
                .post(
                    RequestBody.create(
                        Requests.traces(Requests.goodSpan("h2-" + i)).toByteArray(),
                        MediaType.get(PROTOBUF)))
                .build();
        try (Response response = client.newCall(request).execute()) {
          assertThat(response.protocol()).isEqualTo(Protocol.H2_PRIOR_KNOWLEDGE);
          assertThat(response.code()).isEqualTo(200);
          assertThat(response.header("Content-Type")).isEqualTo(PROTOBUF);
        }
      }
    } finally {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
    await().until(() -> running.traces.itemCount() == 3);
  }

  @Test
  void h2cByUpgradeServesTheUpgradedRequestAndTheNextOnes() throws Exception {
    HttpCalls http = new HttpCalls(running, HttpClient.Version.HTTP_2);

    var first =
        http.post("/v1/traces", PROTOBUF, Requests.traces(Requests.goodSpan("up")).toByteArray());
    var second =
        http.post("/v1/traces", PROTOBUF, Requests.traces(Requests.goodSpan("on")).toByteArray());
    var notFound = http.post("/v1/nope", PROTOBUF, new byte[0]);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.version()).isEqualTo(HttpClient.Version.HTTP_2);
    assertThat(notFound.statusCode()).isEqualTo(404);
    await().until(() -> running.traces.itemCount() == 2);
  }

  private static byte[] rawRequest(String path, byte[] body) {
    byte[] head =
        ("POST "
                + path
                + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-protobuf\r\n"
                + "Content-Length: "
                + body.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    byte[] request = new byte[head.length + body.length];
    System.arraycopy(head, 0, request, 0, head.length);
    System.arraycopy(body, 0, request, head.length, body.length);
    return request;
  }
}
