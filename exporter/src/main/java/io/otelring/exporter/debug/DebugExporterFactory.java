package io.otelring.exporter.debug;

import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Exporter;
import io.otelring.core.component.ExporterFactory;

/** Makes {@code debug} exporters: telemetry printed as the Go collector's debug exporter does. */
public final class DebugExporterFactory implements ExporterFactory<DebugExporterConfig> {

  @Override
  public String type() {
    return "debug";
  }

  @Override
  public Class<DebugExporterConfig> configType() {
    return DebugExporterConfig.class;
  }

  @Override
  public DebugExporterConfig defaultConfig() {
    return DebugExporterConfig.DEFAULT;
  }

  @Override
  public Exporter createExporter(ComponentSettings settings, DebugExporterConfig config) {
    return DebugExporter.builder(settings.id().toString(), config)
        .resource(settings.resource())
        .build();
  }
}
