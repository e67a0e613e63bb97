package io.otelring.exporter.tempo;

import io.otelring.core.auth.ClientAuthConfig;
import io.otelring.core.component.ComponentConfig;
import io.otelring.exporter.client.TlsClientConfig;
import io.otelring.exporter.otlp.KeepaliveClientConfig;
import io.otelring.exporter.otlp.OtlpExporterConfig;
import io.otelring.exporter.sending.QueueConfig;
import io.otelring.exporter.sending.RetryConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The {@code tempo} exporter's config: every key of {@code otlp}, with Tempo's limits as defaults
 * (requests split at 4 MiB, Tempo's {@code grpc_server_max_recv_msg_size}), plus {@code tenant},
 * sent as the {@code x-scope-orgid} header of a multi-tenant Tempo.
 */
public record TempoExporterConfig(
    String endpoint,
    String tenant,
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

  static final long TEMPO_MAX_RECV_MSG_SIZE = 4L * 1024 * 1024;

  public TempoExporterConfig {
    tenant = tenant == null ? "" : tenant;
    maxRequestSize = maxRequestSize == null ? TEMPO_MAX_RECV_MSG_SIZE : maxRequestSize;
  }

  static TempoExporterConfig defaults() {
    OtlpExporterConfig otlp =
        new OtlpExporterConfig(
            null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null);
    return new TempoExporterConfig(
        otlp.endpoint(),
        "",
        otlp.compression(),
        otlp.tls(),
        otlp.headers(),
        otlp.keepalive(),
        otlp.readBufferSize(),
        otlp.writeBufferSize(),
        otlp.waitForReady(),
        otlp.balancerName(),
        otlp.authority(),
        otlp.timeout(),
        otlp.sendingQueue(),
        otlp.retryOnFailure(),
        TEMPO_MAX_RECV_MSG_SIZE,
        null);
  }

  /** The {@code otlp} config this stands for; the tenant becomes {@code x-scope-orgid}. */
  OtlpExporterConfig toOtlp() {
    OtlpExporterConfig otlp =
        new OtlpExporterConfig(
            endpoint,
            compression,
            tls,
            headers,
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
    return tenant.isEmpty() ? otlp : otlp.withHeaders(Map.of("x-scope-orgid", tenant));
  }

  @Override
  public List<String> validate() {
    return toOtlp().validate();
  }

  /** Header values and the tenant are not printed. */
  @Override
  public String toString() {
    return "TempoExporterConfig[" + toOtlp() + "]";
  }
}
