package io.otelring.exporter.otlphttp;

import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Exporter;
import io.otelring.core.component.ExporterFactory;
import io.otelring.core.component.Host;
import io.otelring.core.component.Signal;
import io.otelring.exporter.client.ClientTls;
import io.otelring.exporter.sending.QueuedExporter;
import java.util.ArrayList;
import java.util.List;

/** Makes {@code otlphttp} exporters: OTLP/HTTP with protobuf or JSON bodies, queued and retried. */
public final class OtlpHttpExporterFactory implements ExporterFactory<OtlpHttpExporterConfig> {

  @Override
  public String type() {
    return "otlphttp";
  }

  @Override
  public Class<OtlpHttpExporterConfig> configType() {
    return OtlpHttpExporterConfig.class;
  }

  @Override
  public OtlpHttpExporterConfig defaultConfig() {
    return OtlpHttpExporterConfig.defaults();
  }

  @Override
  public Exporter createExporter(ComponentSettings settings, OtlpHttpExporterConfig config) {
    return createExporter(settings, config, () -> false);
  }

  @Override
  public Exporter createExporter(
      ComponentSettings settings, OtlpHttpExporterConfig config, Host host) {
    ClientTls.warnAboutUnappliedKeys(config.tls(), settings.logger());
    List<String> urls = new ArrayList<>();
    for (Signal signal : Signal.values()) {
      if (!config.url(signal).isEmpty()) {
        urls.add(config.url(signal));
      }
    }
    return QueuedExporter.create(
        settings,
        host,
        config.sendingQueue(),
        config.retryOnFailure(),
        config.timeout(),
        config.maxRequestSize(),
        new OtlpHttpPush(config, System.getenv(), host),
        String.join(", ", urls));
  }
}
