package io.otelring.exporter.otlphttp;

import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.Refusal;
import io.otelring.core.consumer.Telemetry;
import io.otelring.core.consumer.WireStatus;
import io.otelring.exporter.client.ClientTls;
import io.otelring.exporter.otlp.Compression;
import io.otelring.exporter.sending.Push;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Posts one OTLP request as {@code application/x-protobuf} with the JDK's HTTP client, on the
 * calling worker: headers, gzip, the attempt's timeout. A 2xx answer is read for a partial success;
 * any other answer becomes a {@code Refusal} through {@link WireStatus} (429, 502, 503, 504 and
 * {@code Retry-After} retry; the {@code google.rpc.Status} body gives the message); a network
 * failure or timeout is retryable.
 */
final class OtlpHttpPush implements Push {

  private static final int MAX_MESSAGE_CHARS = 512;

  private final OtlpHttpExporterConfig config;
  private final Map<Signal, URI> urls = new EnumMap<>(Signal.class);
  private HttpClient client;

  OtlpHttpPush(OtlpHttpExporterConfig config) {
    this.config = config;
    for (Signal signal : Signal.values()) {
      String url = config.url(signal);
      if (!url.isEmpty()) {
        urls.put(signal, URI.create(url));
      }
    }
  }

  @Override
  public void start() throws IOException {
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER);
    if (urls.values().stream().anyMatch(u -> "https".equals(u.getScheme()))) {
      builder.sslContext(ClientTls.jdk(config.tls()));
    }
    if (!config.timeout().isZero()) {
      builder.connectTimeout(config.timeout());
    }
    client = builder.build();
  }

  @Override
  public Delivery push(Telemetry batch, Duration timeout) {
    URI url = urls.get(batch.signal());
    if (url == null) {
      throw Refusal.permanent(
          "no endpoint for "
              + batch.signal().configName()
              + " (set endpoint or "
              + batch.signal().configName()
              + "_endpoint)");
    }
    // The bytes as received when the batch was never parsed: no encoding on the way out.
    byte[] body = batch.toByteArray();
    HttpRequest.Builder http =
        HttpRequest.newBuilder(url)
            .header("Content-Type", "application/x-protobuf")
            .header("User-Agent", "otelring");
    if (Compression.gzip(config.compression())) {
      body = gzip(body);
      http.header("Content-Encoding", "gzip");
    }
    config.headers().forEach(http::header);
    if (!timeout.isZero()) {
      http.timeout(timeout);
    }
    HttpResponse<byte[]> response;
    try {
      response =
          client.send(
              http.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
              HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw Refusal.retryable("sending to " + url + " failed: " + e, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Refusal.retryable("interrupted", null);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return partialSuccess(batch.signal(), response.body());
    }
    throw WireStatus.fromHttp(
        status,
        response.headers().firstValue("Retry-After").orElse(null),
        message(response),
        Instant.now());
  }

  private static Delivery partialSuccess(Signal signal, byte[] body) {
    if (body.length == 0) {
      return Delivery.ALL;
    }
    try {
      return switch (signal) {
        case TRACES -> {
          var partial = ExportTraceServiceResponse.parseFrom(body).getPartialSuccess();
          yield new Delivery(partial.getRejectedSpans(), partial.getErrorMessage());
        }
        case METRICS -> {
          var partial = ExportMetricsServiceResponse.parseFrom(body).getPartialSuccess();
          yield new Delivery(partial.getRejectedDataPoints(), partial.getErrorMessage());
        }
        case LOGS -> {
          var partial = ExportLogsServiceResponse.parseFrom(body).getPartialSuccess();
          yield new Delivery(partial.getRejectedLogRecords(), partial.getErrorMessage());
        }
      };
    } catch (InvalidProtocolBufferException e) {
      // A 2xx with a body we cannot read still means the data was taken.
      return Delivery.ALL;
    }
  }

  /** The backend's message: the {@code google.rpc.Status} body, or the start of a text body. */
  private static String message(HttpResponse<byte[]> response) {
    byte[] body = response.body();
    if (body.length == 0) {
      return "";
    }
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (type.startsWith("application/x-protobuf")) {
      try {
        return com.google.rpc.Status.parseFrom(body).getMessage();
      } catch (InvalidProtocolBufferException e) {
        return "";
      }
    }
    String text = new String(body, StandardCharsets.UTF_8).strip();
    return text.length() > MAX_MESSAGE_CHARS ? text.substring(0, MAX_MESSAGE_CHARS) : text;
  }

  private static byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  @Override
  public void shutdown(Duration deadline) {
    client = null;
  }
}
