package io.otelring.receiver.otlp;

import io.otelring.core.auth.ServerAuthConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code protocols.http}: the keys of Go's {@code confighttp.ServerConfig} plus the OTLP receiver's
 * URL paths, with the OTLP receiver's defaults. The timeouts are off by default, as in Go's OTLP
 * receiver, and applied as Go's HTTP server applies them ({@link RequestDeadlines}; {@code
 * idle_timeout} closes a connection that has neither read nor written for that long).
 *
 * @param maxRequestBodySize the largest body in bytes, as sent and after decompression; 0 means 20
 *     MiB
 * @param compressionAlgorithms the {@code Content-Encoding}s taken ({@code ""} is none); null means
 *     Go's default list
 * @param auth the extension that checks every request, or null for none
 */
public record HttpServerConfig(
    String endpoint,
    TlsServerConfig tls,
    CorsConfig cors,
    Long maxRequestBodySize,
    Boolean includeMetadata,
    Map<String, String> responseHeaders,
    List<String> compressionAlgorithms,
    Duration readTimeout,
    Duration readHeaderTimeout,
    Duration writeTimeout,
    Duration idleTimeout,
    String tracesUrlPath,
    String metricsUrlPath,
    String logsUrlPath,
    ServerAuthConfig auth) {

  static final String DEFAULT_ENDPOINT = "localhost:4318";
  static final long DEFAULT_MAX_REQUEST_BODY_SIZE = 20L * 1024 * 1024;

  public HttpServerConfig {
    endpoint = endpoint == null ? DEFAULT_ENDPOINT : endpoint;
    maxRequestBodySize = maxRequestBodySize == null ? 0L : maxRequestBodySize;
    includeMetadata = includeMetadata != null && includeMetadata;
    responseHeaders = responseHeaders == null ? Map.of() : Map.copyOf(responseHeaders);
    compressionAlgorithms =
        compressionAlgorithms == null ? null : List.copyOf(compressionAlgorithms);
    // The OTLP receiver turns Go's HTTP server timeouts off "for backward compatibility".
    readTimeout = orZero(readTimeout);
    readHeaderTimeout = orZero(readHeaderTimeout);
    writeTimeout = orZero(writeTimeout);
    idleTimeout = orZero(idleTimeout);
    tracesUrlPath = absolutePath(tracesUrlPath, "/v1/traces");
    metricsUrlPath = absolutePath(metricsUrlPath, "/v1/metrics");
    logsUrlPath = absolutePath(logsUrlPath, "/v1/logs");
  }

  /** Every key at its default: what {@code http:} with no value means. */
  public static HttpServerConfig defaults() {
    return new HttpServerConfig(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** The same config listening on another endpoint. */
  public HttpServerConfig withEndpoint(String newEndpoint) {
    return new HttpServerConfig(
        newEndpoint,
        tls,
        cors,
        maxRequestBodySize,
        includeMetadata,
        responseHeaders,
        compressionAlgorithms,
        readTimeout,
        readHeaderTimeout,
        writeTimeout,
        idleTimeout,
        tracesUrlPath,
        metricsUrlPath,
        logsUrlPath,
        auth);
  }

  /** The body size limit in bytes: 0 means Go's default of 20 MiB. */
  long maxRequestBodyBytes() {
    return maxRequestBodySize == 0 ? DEFAULT_MAX_REQUEST_BODY_SIZE : maxRequestBodySize;
  }

  /** {@code cors}: which browser origins may send, as Go's {@code confighttp.CORSConfig}. */
  public record CorsConfig(
      List<String> allowedOrigins, List<String> allowedHeaders, Integer maxAge) {

    public CorsConfig {
      allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
      allowedHeaders = allowedHeaders == null ? List.of() : List.copyOf(allowedHeaders);
      maxAge = maxAge == null ? 0 : maxAge;
    }
  }

  void validate(String path, List<String> problems) {
    try {
      Endpoint.parse(endpoint);
    } catch (IllegalArgumentException e) {
      problems.add(path + "::endpoint: " + e.getMessage());
    }
    if (maxRequestBodySize < 0) {
      problems.add(
          path + "::max_request_body_size: must not be negative, got " + maxRequestBodySize);
    }
    if (new java.util.HashSet<>(List.of(tracesUrlPath, metricsUrlPath, logsUrlPath)).size() < 3) {
      // Go's mux panics at start on two handlers for one path; here it is a config error.
      problems.add(
          path
              + ": traces_url_path, metrics_url_path and logs_url_path must differ, got "
              + List.of(tracesUrlPath, metricsUrlPath, logsUrlPath));
    }
    if (compressionAlgorithms != null) {
      for (String algorithm : compressionAlgorithms) {
        if (!ContentDecoding.KNOWN.contains(algorithm)) {
          problems.add(
              path
                  + "::compression_algorithms: unsupported compression type \""
                  + algorithm
                  + "\"");
        }
      }
    }
    for (Duration timeout : List.of(readTimeout, readHeaderTimeout, writeTimeout, idleTimeout)) {
      if (timeout.isNegative()) {
        problems.add(path + ": timeouts must not be negative, got " + timeout);
      }
    }
    if (tls != null) {
      tls.validate(path + "::tls", problems);
    }
    if (auth != null) {
      auth.validate(path + "::auth", problems);
    }
  }

  private static Duration orZero(Duration value) {
    return value == null ? Duration.ZERO : value;
  }

  /** Go's {@code SanitizedURLPath}: a path without a leading slash gets one. */
  private static String absolutePath(String path, String fallback) {
    if (path == null || path.isEmpty()) {
      return fallback;
    }
    return path.startsWith("/") ? path : "/" + path;
  }
}
