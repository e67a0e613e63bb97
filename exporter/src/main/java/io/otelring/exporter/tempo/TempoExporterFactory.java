package io.otelring.exporter.tempo;

import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Exporter;
import io.otelring.core.component.ExporterFactory;
import io.otelring.core.component.Host;
import io.otelring.exporter.otlp.OtlpExporterFactory;

/** Makes {@code tempo} exporters: {@code otlp} with Tempo's defaults and its tenant header. */
public final class TempoExporterFactory implements ExporterFactory<TempoExporterConfig> {

  @Override
  public String type() {
    return "tempo";
  }

  @Override
  public Class<TempoExporterConfig> configType() {
    return TempoExporterConfig.class;
  }

  @Override
  public TempoExporterConfig defaultConfig() {
    return TempoExporterConfig.defaults();
  }

  @Override
  public Exporter createExporter(ComponentSettings settings, TempoExporterConfig config) {
    return createExporter(settings, config, () -> false);
  }

  @Override
  public Exporter createExporter(
      ComponentSettings settings, TempoExporterConfig config, Host host) {
    return OtlpExporterFactory.create(settings, config.toOtlp(), host);
  }
}
