package io.otelring.receiver.otlp;

import static io.otelring.receiver.otlp.HttpCalls.JSON;
import static io.otelring.receiver.otlp.HttpCalls.PROTOBUF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.rpc.Status;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.otelring.core.otlpjson.OtlpJson;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A table of bad OTLP/HTTP requests, each with the status and body it gets, and a valid request
 * after each one that is still delivered.
 */
class HttpBadRequestTest {

  private static final int LIMIT = 1024 * 1024;
  private static RunningReceiver running;
  private static HttpCalls http;

  @BeforeAll
  static void start() throws Exception {
    HttpServerConfig config = RunningReceiver.httpConfig("{max_request_body_size: " + LIMIT + "}");
    running = RunningReceiver.startHttp(config);
    http = new HttpCalls(running);
  }

  @AfterAll
  static void stop() throws Exception {
    running.close();
  }

  record BadRequest(
      String name,
      String method,
      String path,
      String contentType,
      byte[] body,
      String[] headers,
      int status,
      Consumer<HttpResponse<byte[]>> check) {

    @Override
    public String toString() {
      return name;
    }
  }

  private static BadRequest bad(
      String name,
      String path,
      String contentType,
      byte[] body,
      int status,
      Consumer<HttpResponse<byte[]>> check,
      String... headers) {
    return new BadRequest(name, "POST", path, contentType, body, headers, status, check);
  }

  static Stream<BadRequest> badRequests() {
    byte[] good = Requests.traces(Requests.goodSpan("ok")).toByteArray();
    byte[] badIds =
        Requests.traces(
                Requests.span("short", Requests.id(3, 1), Requests.id(8, 2)),
                Requests.goodSpan("kept"))
            .toByteArray();
    return Stream.of(
        bad(
            "wrong content type",
            "/v1/traces",
            "text/plain",
            good,
            415,
            text(
                "415 unsupported media type, supported: [application/json, application/x-protobuf]")),
        bad("no content type", "/v1/traces", null, good, 415, contentType("text/plain")),
        bad(
            "broken protobuf",
            "/v1/traces",
            PROTOBUF,
            new byte[] {0x0a, (byte) 0xff},
            400,
            protobufStatus(3, "the body is not a valid ExportTraceServiceRequest: ")),
        bad(
            "broken JSON",
            "/v1/traces",
            JSON,
            "{\"resourceSpans\": [".getBytes(StandardCharsets.UTF_8),
            400,
            jsonStatus(3, "the body is not a valid ExportTraceServiceRequest: not valid JSON: ")),
        bad(
            "JSON of the wrong shape",
            "/v1/traces",
            JSON,
            "{\"resourceSpans\": {}}".getBytes(StandardCharsets.UTF_8),
            400,
            jsonStatus(
                3,
                "the body is not a valid ExportTraceServiceRequest: resourceSpans: must be an"
                    + " array")),
        bad("wrong id lengths", "/v1/traces", PROTOBUF, badIds, 200, partialSuccess(1)),
        bad(
            "wrong id lengths in JSON",
            "/v1/traces",
            JSON,
            ("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"0102\","
                    + "\"spanId\":\"0102030405060708\"}]}]}]}")
                .getBytes(StandardCharsets.UTF_8),
            200,
            response ->
                assertThat(new String(response.body(), StandardCharsets.UTF_8))
                    .isEqualTo(
                        "{\"partialSuccess\":{\"rejectedSpans\":\"1\",\"errorMessage\":\""
                            + InvalidIds.SPANS_MESSAGE
                            + "\"}}")),
        bad("unknown path", "/v1/nope", PROTOBUF, good, 404, text("404 page not found\n")),
        new BadRequest(
            "GET",
            "GET",
            "/v1/traces",
            null,
            new byte[0],
            new String[0],
            405,
            text("405 method not allowed, supported: [POST]")
                .andThen(r -> assertThat(r.headers().firstValue("Allow")).hasValue("POST"))),
        bad(
            "empty protobuf body",
            "/v1/traces",
            PROTOBUF,
            new byte[0],
            200,
            response -> assertThat(response.body()).isEmpty()),
        bad(
            "empty JSON body",
            "/v1/traces",
            JSON,
            new byte[0],
            400,
            jsonStatus(3, "the body is not a valid ExportTraceServiceRequest: ")),
        bad(
            "oversize body",
            "/v1/traces",
            PROTOBUF,
            Requests.tracesOfSize(LIMIT + 1).toByteArray(),
            413,
            protobufStatus(
                2, "the request body is larger than max_request_body_size (1048576 bytes)")),
        bad(
            "oversize after gzip",
            "/v1/traces",
            PROTOBUF,
            HttpCalls.gzip(Requests.tracesOfSize(2 * LIMIT).toByteArray()),
            413,
            protobufStatus(
                2, "the request body is larger than max_request_body_size (1048576 bytes)"),
            "Content-Encoding",
            "gzip"),
        bad(
            "unsupported encoding",
            "/v1/traces",
            JSON,
            good,
            400,
            jsonStatus(3, "unsupported Content-Encoding: br"),
            "Content-Encoding",
            "br"),
        bad(
            "corrupt gzip",
            "/v1/traces",
            PROTOBUF,
            good,
            400,
            protobufStatus(3, "Not in GZIP format"),
            "Content-Encoding",
            "gzip"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void eachBadRequestGetsItsAnswerAndTheNextRequestIsDelivered(BadRequest bad) {
    running.traces.clear();
    HttpResponse<byte[]> response =
        bad.method().equals("POST")
            ? http.post(bad.path(), bad.contentType(), bad.body(), bad.headers())
            : http.send(bad.method(), bad.path(), bad.headers());

    assertThat(response.statusCode()).isEqualTo(bad.status());
    bad.check().accept(response);

    long before = running.traces.itemCount();
    HttpResponse<byte[]> valid =
        http.post(
            "/v1/traces", PROTOBUF, Requests.traces(Requests.goodSpan("after")).toByteArray());
    assertThat(valid.statusCode()).isEqualTo(200);
    await().until(() -> running.traces.itemCount() == before + 1);
  }

  private static Consumer<HttpResponse<byte[]>> text(String body) {
    return response -> {
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("text/plain; charset=utf-8");
      assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(body);
    };
  }

  private static Consumer<HttpResponse<byte[]>> contentType(String prefix) {
    return response ->
        assertThat(response.headers().firstValue("Content-Type"))
            .get()
            .asString()
            .startsWith(prefix);
  }

  private static Consumer<HttpResponse<byte[]>> protobufStatus(int code, String messageStart) {
    return response -> {
      assertThat(response.headers().firstValue("Content-Type")).hasValue(PROTOBUF);
      try {
        Status status = Status.parseFrom(response.body());
        assertThat(status.getCode()).isEqualTo(code);
        assertThat(status.getMessage()).startsWith(messageStart);
      } catch (com.google.protobuf.InvalidProtocolBufferException e) {
        throw new AssertionError(e);
      }
    };
  }

  private static Consumer<HttpResponse<byte[]>> jsonStatus(int code, String messageStart) {
    return response -> {
      assertThat(response.headers().firstValue("Content-Type")).hasValue(JSON);
      try {
        Status status = OtlpJson.decode(response.body(), Status.getDefaultInstance());
        assertThat(status.getCode()).isEqualTo(code);
        assertThat(status.getMessage()).startsWith(messageStart);
      } catch (java.io.IOException e) {
        throw new AssertionError(e);
      }
    };
  }

  private static Consumer<HttpResponse<byte[]>> partialSuccess(int rejected) {
    return response -> {
      try {
        var answer = ExportTraceServiceResponse.parseFrom(response.body());
        assertThat(answer.getPartialSuccess().getRejectedSpans()).isEqualTo(rejected);
        assertThat(answer.getPartialSuccess().getErrorMessage())
            .isEqualTo(InvalidIds.SPANS_MESSAGE);
      } catch (com.google.protobuf.InvalidProtocolBufferException e) {
        throw new AssertionError(e);
      }
    };
  }
}
