package io.otelring.core.component;

/** Makes exporters. An exporter id listed in several pipelines is created once and shared. */
public interface ExporterFactory<C extends ComponentConfig> extends Factory<C> {

  @Override
  default Kind kind() {
    return Kind.EXPORTER;
  }

  Exporter createExporter(ComponentSettings settings, C config) throws Exception;

  /**
   * Makes an exporter that may use the collector's extensions (a sending queue's {@code storage}).
   * The graph calls this one; by default it ignores the host.
   */
  default Exporter createExporter(ComponentSettings settings, C config, Host host)
      throws Exception {
    return createExporter(settings, config);
  }
}
