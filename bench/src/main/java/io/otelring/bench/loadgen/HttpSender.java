package io.otelring.bench.loadgen;

import io.otelring.core.component.Signal;
import io.otelring.core.consumer.WireStatus;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * OTLP/HTTP over the JDK's HTTP client, with protobuf or JSON bodies: the body is the pre-encoded
 * (and, with gzip, pre-compressed) request, sent as it is.
 */
public final class HttpSender implements Sender {

  private final Signal signal;
  private final boolean json;
  private final HttpClient client;
  private final HttpRequest.Builder template;

  public HttpSender(
      Signal signal,
      Endpoint endpoint,
      Map<String, String> headers,
      boolean gzipped,
      Duration timeout,
      boolean json) {
    this.signal = signal;
    this.json = json;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    URI uri = endpoint.httpUri(signal.configName());
    this.template =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Content-Type", json ? "application/json" : "application/x-protobuf");
    if (gzipped) {
      template.header("Content-Encoding", "gzip");
    }
    headers.forEach(template::header);
  }

  @Override
  public Reply send(byte[] body) {
    HttpRequest request =
        template.copy().POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    HttpResponse<byte[]> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      // No answer (no connection, a timeout): may pass, as the SDK exporters see it.
      return Reply.transientFailure(e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Reply.failed("interrupted");
    }
    int status = response.statusCode();
    if (status == 200) {
      return json
          ? PartialSuccess.replyJson(signal, response.body())
          : PartialSuccess.reply(signal, response.body());
    }
    String error = "HTTP " + status;
    // 429, 502, 503 and 504 are the retryable answers of OTLP/HTTP (after Retry-After).
    if (WireStatus.isRetryableHttp(status)) {
      return Reply.refused(
          error,
          WireStatus.parseRetryAfter(
                  response.headers().firstValue("Retry-After").orElse(null), Instant.now())
              .orElse(null));
    }
    return Reply.failed(error);
  }

  @Override
  public void close() {
    // The JDK client of Java 17 has no close; its connections end with the process or when idle.
  }
}
