package io.otelring.exporter.otlp;

import io.otelring.core.auth.ClientAuthConfig;
import io.otelring.core.component.ComponentConfig;
import io.otelring.exporter.client.TlsClientConfig;
import io.otelring.exporter.sending.QueueConfig;
import io.otelring.exporter.sending.RetryConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code otlp} exporter's config: Go's {@code otlpexporter.Config} keys and defaults (gzip, 5s
 * timeout, round_robin, 512 KiB write buffer, no keepalive unless given, queue and retry on), plus
 * otelring's {@code max_request_size}: requests over it (4 MiB, the gRPC default limit of Tempo and
 * of the Go collector's receiver) are split before they are sent; 0 turns splitting off. {@code
 * read_buffer_size} and {@code write_buffer_size} are accepted; Netty sizes its buffers itself.
 *
 * @param headers sent with every request; values never appear in logs or {@link #toString()}
 * @param auth the extension whose credentials every request carries, or null for none
 */
public record OtlpExporterConfig(
    String endpoint,
    String compression,
    TlsClientConfig tls,
    Map<String, String> headers,
    KeepaliveClientConfig keepalive,
    Integer readBufferSize,
    Integer writeBufferSize,
    Boolean waitForReady,
    String balancerName,
    String authority,
    Duration timeout,
    QueueConfig sendingQueue,
    RetryConfig retryOnFailure,
    Long maxRequestSize,
    ClientAuthConfig auth)
    implements ComponentConfig {

  static final long DEFAULT_MAX_REQUEST_SIZE = 4L * 1024 * 1024;
  private static final List<String> BALANCERS = List.of("round_robin", "pick_first");

  public OtlpExporterConfig {
    endpoint = endpoint == null ? "" : endpoint;
    compression = compression == null ? "gzip" : compression;
    tls = tls == null ? TlsClientConfig.defaults() : tls;
    headers = headers == null ? Map.of() : new TreeMap<>(headers);
    readBufferSize = readBufferSize == null ? 0 : readBufferSize;
    writeBufferSize = writeBufferSize == null ? 512 * 1024 : writeBufferSize;
    waitForReady = waitForReady != null && waitForReady;
    balancerName = balancerName == null || balancerName.isEmpty() ? "round_robin" : balancerName;
    authority = authority == null ? "" : authority;
    timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
    sendingQueue = sendingQueue == null ? QueueConfig.defaults() : sendingQueue;
    retryOnFailure = retryOnFailure == null ? RetryConfig.defaults() : retryOnFailure;
    maxRequestSize = maxRequestSize == null ? DEFAULT_MAX_REQUEST_SIZE : maxRequestSize;
  }

  static OtlpExporterConfig defaults() {
    return new OtlpExporterConfig(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** The same config with more headers (those given win over the configured ones). */
  public OtlpExporterConfig withHeaders(Map<String, String> extra) {
    Map<String, String> merged = new TreeMap<>(headers);
    merged.putAll(extra);
    return new OtlpExporterConfig(
        endpoint,
        compression,
        tls,
        merged,
        keepalive,
        readBufferSize,
        writeBufferSize,
        waitForReady,
        balancerName,
        authority,
        timeout,
        sendingQueue,
        retryOnFailure,
        maxRequestSize,
        auth);
  }

  @Override
  public List<String> validate() {
    List<String> problems = new ArrayList<>();
    try {
      GrpcTarget.parse(endpoint);
    } catch (IllegalArgumentException e) {
      problems.add("endpoint: " + e.getMessage());
    }
    Compression.validateGrpc(compression, problems);
    tls.validate("tls", problems);
    if (keepalive != null) {
      keepalive.validate("keepalive", problems);
    }
    if (!BALANCERS.contains(balancerName)) {
      problems.add("balancer_name: invalid balancer_name: " + balancerName);
    }
    if (readBufferSize < 0) {
      problems.add("read_buffer_size: must not be negative");
    }
    if (writeBufferSize < 0) {
      problems.add("write_buffer_size: must not be negative");
    }
    if (timeout.isNegative()) {
      problems.add("timeout: must not be negative");
    }
    if (maxRequestSize < 0) {
      problems.add("max_request_size: must not be negative (0 means no limit)");
    }
    sendingQueue.validate("sending_queue", problems);
    if (auth != null) {
      auth.validate("auth", problems);
    }
    retryOnFailure.validate("retry_on_failure", problems);
    return problems;
  }

  /** Header values are secrets (authorization, tenant ids): only their names are printed. */
  @Override
  public String toString() {
    return "OtlpExporterConfig[endpoint="
        + endpoint
        + ", compression="
        + compression
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
        + ", maxRequestSize="
        + maxRequestSize
        + "]";
  }
}
