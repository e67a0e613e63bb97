package io.otelring.receiver.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.rpc.Code;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.otelring.core.component.Extension;
import io.otelring.core.component.Host;
import io.otelring.core.component.ServerAuthenticator;
import io.otelring.core.consumer.ClientMetadata;
import io.otelring.core.testing.TestHosts;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code auth} on both servers, with the OpenTelemetry SDK's exporters as clients: a request the
 * authenticator refuses gets gRPC {@code UNAUTHENTICATED} or HTTP 401 with the reason, and nothing
 * of it reaches the pipeline; one it lets through is received as usual.
 */
class ReceiverAuthTest {

  private static final String TOKEN = "Bearer s3cret";

  /** Lets through requests whose {@code authorization} is {@link #TOKEN}. */
  private static final class OneToken implements ServerAuthenticator {
    @Override
    public void authenticate(ClientMetadata headers) throws AuthenticationException {
      if (!headers.get("authorization").contains(TOKEN)) {
        throw new AuthenticationException("token does not match");
      }
    }

    @Override
    public void start() {}

    @Override
    public void shutdown(Duration deadline) {}
  }

  private static final Host HOST =
      TestHosts.withExtensions(Map.of("bearertokenauth", new OneToken()));

  private RunningReceiver running;

  @AfterEach
  void stop() throws Exception {
    if (running != null) {
      running.close();
    }
  }

  private RunningReceiver start(String auth) throws Exception {
    String yaml = "{auth: " + auth + ", cors: {allowed_origins: ['https://ui.example']}}";
    running =
        RunningReceiver.start(
            new Protocols(
                RunningReceiver.grpcConfig("{auth: " + auth + "}"),
                RunningReceiver.httpConfig(yaml)),
            HOST);
    return running;
  }

  /** Sends one span with the exporter; true when the receiver answered OK. */
  private static boolean sendOneSpan(SpanExporter exporter) {
    try (SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exporter))
            .build()) {
      Tracer tracer = provider.get("auth-test");
      tracer.spanBuilder("chat").startSpan().end();
      return provider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess();
    }
  }

  @Test
  void anSdkOverGrpcIsLetThroughWithTheTokenAndRefusedWithoutIt() throws Exception {
    start("{authenticator: bearertokenauth}");

    boolean without =
        sendOneSpan(
            OtlpGrpcSpanExporter.builder().setEndpoint(running.sdkEndpoint("http")).build());
    boolean with =
        sendOneSpan(
            OtlpGrpcSpanExporter.builder()
                .setEndpoint(running.sdkEndpoint("http"))
                .addHeader("Authorization", TOKEN)
                .build());

    assertThat(without).isFalse();
    assertThat(with).isTrue();
    assertThat(running.traces.itemCount()).isEqualTo(1);
  }

  @Test
  void aGrpcCallWithoutTheTokenIsUnauthenticatedWithTheReason() throws Exception {
    start("{authenticator: bearertokenauth}");

    assertThatThrownBy(
            () ->
                TraceServiceGrpc.newBlockingStub(running.plaintextChannel())
                    .export(Requests.traces(Requests.goodSpan("s"))))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
              assertThat(e.getStatus().getDescription()).isEqualTo("token does not match");
            });
    assertThat(running.traces.received()).isEmpty();
  }

  @Test
  void anSdkOverHttpIsLetThroughWithTheTokenAndRefusedWithoutIt() throws Exception {
    start("{authenticator: bearertokenauth}");

    boolean without =
        sendOneSpan(
            OtlpHttpSpanExporter.builder()
                .setEndpoint(running.httpUrl("http", "/v1/traces"))
                .build());
    boolean with =
        sendOneSpan(
            OtlpHttpSpanExporter.builder()
                .setEndpoint(running.httpUrl("http", "/v1/traces"))
                .addHeader("Authorization", TOKEN)
                .build());

    assertThat(without).isFalse();
    assertThat(with).isTrue();
    assertThat(running.traces.itemCount()).isEqualTo(1);
  }

  @Test
  void anHttpRequestWithoutTheTokenIs401WithAStatusInItsOwnEncoding() throws Exception {
    start("{authenticator: bearertokenauth}");
    HttpCalls http = new HttpCalls(running);
    byte[] body = Requests.traces(Requests.goodSpan("s")).toByteArray();

    HttpResponse<byte[]> protobuf = http.post("/v1/traces", HttpCalls.PROTOBUF, body);
    assertThat(protobuf.statusCode()).isEqualTo(401);
    com.google.rpc.Status status = com.google.rpc.Status.parseFrom(protobuf.body());
    assertThat(status.getCode()).isEqualTo(Code.UNAUTHENTICATED_VALUE);
    assertThat(status.getMessage()).isEqualTo("token does not match");

    HttpResponse<byte[]> json = http.post("/v1/traces", HttpCalls.JSON, "{}".getBytes());
    assertThat(json.statusCode()).isEqualTo(401);
    assertThat(new String(json.body(), StandardCharsets.UTF_8))
        .contains("\"code\":16")
        .contains("token does not match");

    HttpResponse<byte[]> text = http.post("/v1/traces", "text/plain", body);
    assertThat(text.statusCode()).isEqualTo(401);
    assertThat(new String(text.body(), StandardCharsets.UTF_8)).isEqualTo("token does not match");

    // As in Go, the authenticator answers before the path is looked at.
    assertThat(http.post("/v1/nothing", HttpCalls.PROTOBUF, body).statusCode()).isEqualTo(401);
    assertThat(http.post("/v1/traces", HttpCalls.PROTOBUF, body, "Authorization", TOKEN))
        .extracting(HttpResponse::statusCode)
        .isEqualTo(200);
    assertThat(running.traces.itemCount()).isEqualTo(1);
  }

  @Test
  void aCorsPreflightIsAnsweredWithoutCredentials() throws Exception {
    start("{authenticator: bearertokenauth}");

    HttpResponse<byte[]> preflight =
        new HttpCalls(running)
            .send(
                "OPTIONS",
                "/v1/traces",
                "Origin",
                "https://ui.example",
                "Access-Control-Request-Method",
                "POST");

    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://ui.example");
  }

  @Test
  void requestParamsHandTheQueryToTheAuthenticatorAsHeaders() throws Exception {
    start("{authenticator: bearertokenauth, request_params: [authorization]}");

    HttpResponse<byte[]> response =
        new HttpCalls(running)
            .post(
                "/v1/traces?authorization=Bearer%20s3cret",
                HttpCalls.PROTOBUF, Requests.traces(Requests.goodSpan("s")).toByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(running.traces.itemCount()).isEqualTo(1);
  }

  @Test
  void anAuthenticatorThatIsMissingOrIsNoServerOneStopsTheStartWithGosReason() {
    assertThatThrownBy(() -> start("{authenticator: bearertokenauth/other}"))
        .hasMessage(
            "otlp: protocols::grpc::auth: failed to resolve authenticator"
                + " \"bearertokenauth/other\": authenticator not found");

    Extension notAuth =
        new Extension() {
          @Override
          public void start() {}

          @Override
          public void shutdown(Duration deadline) {}
        };
    assertThatThrownBy(
            () ->
                RunningReceiver.start(
                    new Protocols(
                        null, RunningReceiver.httpConfig("{auth: {authenticator: health_check}}")),
                    TestHosts.withExtensions(Map.of("health_check", notAuth))))
        .hasMessage(
            "otlp: protocols::http::auth: requested authenticator is not a server authenticator");
  }
}
