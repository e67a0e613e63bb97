package io.otelring.exporter.otlp;

import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Exporter;
import io.otelring.core.component.ExporterFactory;
import io.otelring.core.component.Host;
import io.otelring.exporter.client.ClientTls;
import io.otelring.exporter.sending.QueuedExporter;

/** Makes {@code otlp} exporters: OTLP over gRPC, queued and retried. */
public final class OtlpExporterFactory implements ExporterFactory<OtlpExporterConfig> {

  @Override
  public String type() {
    return "otlp";
  }

  @Override
  public Class<OtlpExporterConfig> configType() {
    return OtlpExporterConfig.class;
  }

  @Override
  public OtlpExporterConfig defaultConfig() {
    return OtlpExporterConfig.defaults();
  }

  @Override
  public Exporter createExporter(ComponentSettings settings, OtlpExporterConfig config) {
    return createExporter(settings, config, () -> false);
  }

  @Override
  public Exporter createExporter(ComponentSettings settings, OtlpExporterConfig config, Host host) {
    return create(settings, config, host);
  }

  /** An exporter for this config; used by {@code tempo} too. */
  public static Exporter create(ComponentSettings settings, OtlpExporterConfig config, Host host) {
    GrpcTarget target = GrpcTarget.parse(config.endpoint());
    boolean tls = config.tls().enabled() || target.forcesTls();
    ClientTls.warnAboutUnappliedKeys(config.tls(), settings.logger());
    return QueuedExporter.create(
        settings,
        host,
        config.sendingQueue(),
        config.retryOnFailure(),
        config.timeout(),
        config.maxRequestSize(),
        new OtlpGrpcPush(config, host),
        target.target() + " over gRPC (" + (tls ? "TLS" : "plain text") + ")");
  }
}
