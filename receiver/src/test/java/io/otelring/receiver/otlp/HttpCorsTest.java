package io.otelring.receiver.otlp;

import static io.otelring.receiver.otlp.HttpCalls.PROTOBUF;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code cors}: preflight answers and marked answers, as the Go collector gives them. */
class HttpCorsTest {

  private RunningReceiver running;

  @AfterEach
  void stop() throws Exception {
    running.close();
  }

  private HttpCalls start(String cors) throws Exception {
    running = RunningReceiver.startHttp(RunningReceiver.httpConfig("{cors: " + cors + "}"));
    return new HttpCalls(running);
  }

  private static HttpResponse<byte[]> preflight(HttpCalls http, String origin, String... more) {
    String[] headers = new String[4 + more.length];
    headers[0] = "Origin";
    headers[1] = origin;
    headers[2] = "Access-Control-Request-Method";
    headers[3] = "POST";
    System.arraycopy(more, 0, headers, 4, more.length);
    return http.send("OPTIONS", "/v1/traces", headers);
  }

  @Test
  void aPreflightFromAnAllowedOriginIsAllowed() throws Exception {
    HttpCalls http = start("{allowed_origins: ['https://*.example.com'], max_age: 7200}");

    HttpResponse<byte[]> response =
        preflight(
            http, "https://app.example.com", "Access-Control-Request-Headers", "content-type");

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://app.example.com");
    assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValue("POST");
    assertThat(response.headers().firstValue("Access-Control-Allow-Headers"))
        .hasValue("content-type");
    assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
    assertThat(response.headers().firstValue("Access-Control-Max-Age")).hasValue("7200");
    assertThat(response.headers().firstValue("Vary"))
        .hasValue("Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
  }

  @Test
  void aPreflightFromAnotherOriginIsAnsweredWithoutAllowing() throws Exception {
    HttpCalls http = start("{allowed_origins: ['https://*.example.com'], max_age: 7200}");

    HttpResponse<byte[]> response = preflight(http, "https://evil.test");

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
  }

  @Test
  void requestedHeadersMustBeAllowed() throws Exception {
    HttpCalls http =
        start("{allowed_origins: ['https://app.example.com'], allowed_headers: [X-Tenant]}");

    HttpResponse<byte[]> allowed =
        preflight(http, "https://app.example.com", "Access-Control-Request-Headers", "x-tenant");
    HttpResponse<byte[]> refused =
        preflight(
            http, "https://app.example.com", "Access-Control-Request-Headers", "x-tenant, x-other");

    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://app.example.com");
    assertThat(allowed.headers().firstValue("Access-Control-Max-Age")).isEmpty();
    assertThat(refused.statusCode()).isEqualTo(204);
    assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void anExportFromAnAllowedOriginIsMarkedForTheBrowser() throws Exception {
    HttpCalls http = start("{allowed_origins: ['*']}");

    HttpResponse<byte[]> response =
        http.post(
            "/v1/traces",
            PROTOBUF,
            Requests.traces(Requests.goodSpan("browser")).toByteArray(),
            "Origin",
            "http://localhost:3000");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
    assertThat(response.headers().firstValue("Vary")).hasValue("Origin");
  }

  @Test
  void withoutAllowedOriginsThereAreNoCorsHeaders() throws Exception {
    HttpCalls http = start("{allowed_headers: [X-Tenant], max_age: 60}");

    HttpResponse<byte[]> preflight = preflight(http, "https://app.example.com");
    HttpResponse<byte[]> export =
        http.post(
            "/v1/traces",
            PROTOBUF,
            Requests.traces(Requests.goodSpan("a")).toByteArray(),
            "Origin",
            "https://app.example.com");

    assertThat(preflight.statusCode()).isEqualTo(405);
    assertThat(export.statusCode()).isEqualTo(200);
    for (HttpResponse<byte[]> response : List.of(preflight, export)) {
      assertThat(response.headers().map().keySet())
          .noneMatch(name -> name.toLowerCase().startsWith("access-control-"))
          .noneMatch(name -> name.equalsIgnoreCase("vary"));
    }
  }
}
