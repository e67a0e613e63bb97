package io.otelring.exporter.otlphttp;

import com.google.protobuf.MessageOrBuilder;
import io.otelring.core.component.ClientAuthenticator;
import io.otelring.core.component.Host;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.Refusal;
import io.otelring.core.consumer.Telemetry;
import io.otelring.core.consumer.WireStatus;
import io.otelring.core.otlpjson.OtlpJson;
import io.otelring.core.tls.TlsReloading;
import io.otelring.exporter.client.ClientTls;
import io.otelring.exporter.otlp.Compression;
import io.otelring.exporter.sending.Push;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.LoggerFactory;

/**
 * Posts one OTLP request with the JDK's HTTP client, on the calling worker: as {@code
 * application/x-protobuf}, or as OTLP/JSON ({@code application/json}) for {@code encoding: json};
 * compressed as configured; with the headers, the proxy and the attempt's timeout. A 2xx answer is
 * read for a partial success; any other answer becomes a {@code Refusal} through {@link WireStatus}
 * (429, 502, 503, 504 and {@code Retry-After} retry; the {@code google.rpc.Status} body, protobuf
 * or JSON, gives the message); a network failure or timeout is retryable.
 */
final class OtlpHttpPush implements Push {

  private final OtlpHttpExporterConfig config;
  private final Map<String, String> environment;
  private final Map<Signal, URI> urls = new EnumMap<>(Signal.class);
  private final boolean json;
  private final TlsReloading tlsReloading =
      new TlsReloading(LoggerFactory.getLogger("otelring.exporter.otlphttp.tls"));
  private final Host host;
  private HttpClient client;
  private ClientAuthenticator authenticator;

  /**
   * @param environment the process environment, for the proxy variables Go's client reads
   * @param host where the {@code auth} extension is found at start
   */
  OtlpHttpPush(OtlpHttpExporterConfig config, Map<String, String> environment, Host host) {
    this.config = config;
    this.environment = environment;
    this.host = host;
    this.json = config.encoding().equals("json");
    for (Signal signal : Signal.values()) {
      String url = config.url(signal);
      if (!url.isEmpty()) {
        urls.put(signal, URI.create(url));
      }
    }
  }

  @Override
  public void start() throws IOException {
    if (config.auth() != null) {
      try {
        authenticator = config.auth().resolve(host, "HTTP");
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("auth: " + e.getMessage(), e);
      }
    }
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER);
    if (urls.values().stream().anyMatch(u -> "https".equals(u.getScheme()))) {
      builder
          .sslContext(ClientTls.jdk(config.tls(), tlsReloading))
          .sslParameters(ClientTls.parameters(config.tls()));
    }
    if (!config.timeout().isZero()) {
      builder.connectTimeout(config.timeout());
    }
    Optional<ProxySelector> proxy;
    try {
      proxy = HttpProxy.selector(config.proxyUrl(), environment);
      // A proxy from the environment that cannot be used fails now, not at every request.
      if (proxy.orElse(null) instanceof EnvironmentProxySelector fromEnvironment) {
        urls.values().forEach(fromEnvironment::proxyFor);
      }
    } catch (IllegalArgumentException e) {
      throw new IOException(e.getMessage(), e);
    }
    proxy.ifPresent(builder::proxy);
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
    HttpRequest.Builder http =
        HttpRequest.newBuilder(url)
            .header("Content-Type", json ? "application/json" : "application/x-protobuf")
            .header("User-Agent", "otelring");
    boolean compressed = Compression.isCompressed(config.compression());
    if (compressed) {
      http.header("Content-Encoding", config.compression());
    }
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(config.headers());
    if (authenticator != null) {
      try {
        authenticator.applyHeaders(batch.metadata(), headers);
      } catch (IllegalStateException e) {
        throw Refusal.permanent("auth: " + e.getMessage());
      }
    }
    headers.forEach(http::header);
    if (!timeout.isZero()) {
      http.timeout(timeout);
    }
    HttpResponse<byte[]> response;
    try {
      response =
          client.send(
              http.POST(body(batch, compressed)).build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw Refusal.retryable("sending to " + url + " failed: " + e, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Refusal.retryable("interrupted", null);
    }
    int status = response.statusCode();
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    if (status >= 200 && status < 300) {
      return ResponseBody.partialSuccess(batch.signal(), contentType, response.body());
    }
    throw WireStatus.fromHttp(
        status,
        response.headers().firstValue("Retry-After").orElse(null),
        ResponseBody.errorMessage(contentType, response.body()),
        Instant.now());
  }

  /**
   * The request body. Protobuf goes out as the bytes received when the batch was never parsed,
   * piece by piece (a batch joins its requests' arrays; they are not copied into one), with its
   * Content-Length; JSON is written from the parsed request.
   */
  private HttpRequest.BodyPublisher body(Telemetry batch, boolean compressed) {
    int level = config.compressionParams().level();
    if (json) {
      byte[] body = OtlpJson.encode(message(batch));
      return HttpRequest.BodyPublishers.ofByteArray(
          compressed ? RequestCompression.compress(config.compression(), level, body) : body);
    }
    if (compressed) {
      return HttpRequest.BodyPublishers.ofByteArray(
          RequestCompression.compress(config.compression(), level, batch));
    }
    List<Telemetry> pieces = batch.wirePieces();
    if (pieces.size() <= 1) {
      return HttpRequest.BodyPublishers.ofByteArray(batch.toByteArray());
    }
    return HttpRequest.BodyPublishers.concat(
        pieces.stream()
            .map(piece -> HttpRequest.BodyPublishers.ofByteArray(piece.toByteArray()))
            .toArray(HttpRequest.BodyPublisher[]::new));
  }

  private static MessageOrBuilder message(Telemetry batch) {
    return switch (batch.signal()) {
      case TRACES -> batch.traces();
      case METRICS -> batch.metrics();
      case LOGS -> batch.logs();
    };
  }

  @Override
  public void shutdown(Duration deadline) {
    client = null;
    tlsReloading.close();
  }
}
