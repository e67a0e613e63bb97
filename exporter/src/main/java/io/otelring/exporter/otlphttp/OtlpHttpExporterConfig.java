package io.otelring.exporter.otlphttp;

import io.otelring.core.auth.ClientAuthConfig;
import io.otelring.core.component.ComponentConfig;
import io.otelring.core.component.Signal;
import io.otelring.exporter.client.TlsClientConfig;
import io.otelring.exporter.otlp.Compression;
import io.otelring.exporter.sending.QueueConfig;
import io.otelring.exporter.sending.RetryConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code otlphttp} exporter's config: Go's {@code otlphttpexporter.Config} keys and defaults
 * (gzip, 30s timeout, proto encoding, queue and retry on). {@code endpoint} is a base URL to which
 * {@code /v1/traces}, {@code /v1/metrics}, {@code /v1/logs} are appended; {@code traces_endpoint}
 * etc. replace it for one signal. TLS applies to {@code https://} URLs. {@code encoding} is {@code
 * proto} or {@code json} (OTLP/JSON); {@code compression} is gzip, zstd, deflate, zlib or none
 * ({@link Compression}) at {@code compression_params.level} ({@link CompressionParams}); {@code
 * proxy_url} is an {@code http://} proxy, and when it is not set the proxy environment variables
 * apply ({@link HttpProxy}). {@code max_request_size} (otelring's; 0 = no limit) splits larger
 * requests before sending; it measures the protobuf size, also when they are sent as JSON.
 *
 * @param headers sent with every request; values never appear in logs or {@link #toString()}
 * @param auth the extension whose credentials every request carries, or null for none
 */
public record OtlpHttpExporterConfig(
    String endpoint,
    String tracesEndpoint,
    String metricsEndpoint,
    String logsEndpoint,
    String proxyUrl,
    String encoding,
    String compression,
    CompressionParams compressionParams,
    TlsClientConfig tls,
    Map<String, String> headers,
    Integer readBufferSize,
    Integer writeBufferSize,
    Duration timeout,
    QueueConfig sendingQueue,
    RetryConfig retryOnFailure,
    Long maxRequestSize,
    ClientAuthConfig auth)
    implements ComponentConfig {

  /** Headers the JDK's HTTP client sets itself and refuses to take. */
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  public OtlpHttpExporterConfig {
    endpoint = endpoint == null ? "" : endpoint;
    tracesEndpoint = tracesEndpoint == null ? "" : tracesEndpoint;
    metricsEndpoint = metricsEndpoint == null ? "" : metricsEndpoint;
    logsEndpoint = logsEndpoint == null ? "" : logsEndpoint;
    proxyUrl = proxyUrl == null ? "" : proxyUrl;
    encoding = encoding == null || encoding.isEmpty() ? "proto" : encoding;
    compression = compression == null ? "gzip" : compression;
    compressionParams =
        compressionParams == null ? CompressionParams.defaults() : compressionParams;
    tls = tls == null ? TlsClientConfig.defaults() : tls;
    headers = headers == null ? Map.of() : new TreeMap<>(headers);
    readBufferSize = readBufferSize == null ? 0 : readBufferSize;
    writeBufferSize = writeBufferSize == null ? 512 * 1024 : writeBufferSize;
    timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
    sendingQueue = sendingQueue == null ? QueueConfig.defaults() : sendingQueue;
    retryOnFailure = retryOnFailure == null ? RetryConfig.defaults() : retryOnFailure;
    maxRequestSize = maxRequestSize == null ? 0L : maxRequestSize;
  }

  static OtlpHttpExporterConfig defaults() {
    return new OtlpHttpExporterConfig(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null);
  }

  /** The URL a signal is posted to, as Go composes it; empty when neither endpoint is set. */
  String url(Signal signal) {
    String override =
        switch (signal) {
          case TRACES -> tracesEndpoint;
          case METRICS -> metricsEndpoint;
          case LOGS -> logsEndpoint;
        };
    if (!override.isEmpty()) {
      return override;
    }
    if (endpoint.isEmpty()) {
      return "";
    }
    return endpoint + (endpoint.endsWith("/") ? "" : "/") + "v1/" + signal.configName();
  }

  @Override
  public List<String> validate() {
    List<String> problems = new ArrayList<>();
    if (endpoint.isEmpty()
        && tracesEndpoint.isEmpty()
        && metricsEndpoint.isEmpty()
        && logsEndpoint.isEmpty()) {
      problems.add("endpoint: at least one endpoint must be specified");
    }
    checkUrl("endpoint", endpoint, problems);
    checkUrl("traces_endpoint", tracesEndpoint, problems);
    checkUrl("metrics_endpoint", metricsEndpoint, problems);
    checkUrl("logs_endpoint", logsEndpoint, problems);
    if (!proxyUrl.isEmpty()) {
      try {
        HttpProxy.address(proxyUrl);
      } catch (IllegalArgumentException e) {
        problems.add("proxy_url: " + e.getMessage());
      }
    }
    if (!encoding.equals("proto") && !encoding.equals("json")) {
      problems.add("encoding: invalid encoding type: " + encoding);
    }
    Compression.validateHttp(compression, problems);
    compressionParams.validate("compression_params", compression, problems);
    tls.validate("tls", problems);
    for (String key : headers.keySet()) {
      if (RESTRICTED.contains(key.toLowerCase(Locale.ROOT))) {
        problems.add("headers::" + key + ": is set by the HTTP client and cannot be configured");
      }
    }
    if (timeout.isNegative()) {
      problems.add("timeout: must not be negative");
    }
    if (maxRequestSize < 0) {
      problems.add("max_request_size: must not be negative (0 means no limit)");
    }
    sendingQueue.validate("sending_queue", problems);
    retryOnFailure.validate("retry_on_failure", problems);
    if (auth != null) {
      auth.validate("auth", problems);
    }
    return problems;
  }

  private static void checkUrl(String key, String url, List<String> problems) {
    if (url.isEmpty()) {
      return;
    }
    try {
      URI uri = new URI(url);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
          || uri.getHost() == null) {
        problems.add(key + ": must be an http:// or https:// URL, got \"" + url + "\"");
      }
    } catch (URISyntaxException e) {
      problems.add(key + ": must be a valid URL: " + e.getMessage());
    }
  }

  /** Header values are secrets (authorization): only their names are printed. */
  @Override
  public String toString() {
    return "OtlpHttpExporterConfig[endpoint="
        + endpoint
        + ", tracesEndpoint="
        + tracesEndpoint
        + ", metricsEndpoint="
        + metricsEndpoint
        + ", logsEndpoint="
        + logsEndpoint
        + ", proxyUrl="
        + proxyUrl
        + ", encoding="
        + encoding
        + ", compression="
        + compression
        + ", compressionParams="
        + compressionParams
        + ", tls="
        + tls
        + ", headers="
        + headers.keySet()
        + ", timeout="
        + timeout
        + ", sendingQueue="
        + sendingQueue
        + ", retryOnFailure="
        + retryOnFailure
        + "]";
  }
}
