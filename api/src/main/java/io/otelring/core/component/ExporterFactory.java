package io.otelring.core.component;

/** Makes exporters. An exporter id listed in several pipelines is created once and shared. */
public interface ExporterFactory<C extends ComponentConfig> extends Factory<C> {

  @Override
  default Kind kind() {
    return Kind.EXPORTER;
  }

  Exporter createExporter(ComponentSettings settings, C config) throws Exception;
}
