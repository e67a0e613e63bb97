package io.otelring.exporter.nop;

import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Exporter;
import io.otelring.core.component.ExporterFactory;
import io.otelring.core.consumer.Telemetry;
import java.util.concurrent.CompletionStage;

/** Makes {@code nop} exporters: everything is accepted at once and dropped. */
public final class NopExporterFactory implements ExporterFactory<NopExporterConfig> {

  private static final Exporter DROPPING =
      new Exporter() {
        @Override
        public CompletionStage<Void> consume(Telemetry telemetry) {
          return ACCEPTED;
        }

        /**
         * Nothing is sent, so nothing is counted as sent: Go's nop exporter has no exporter helper
         * and no {@code otelcol_exporter_sent_*} series either.
         */
        @Override
        public boolean countsSends() {
          return true;
        }
      };

  @Override
  public String type() {
    return "nop";
  }

  @Override
  public Class<NopExporterConfig> configType() {
    return NopExporterConfig.class;
  }

  @Override
  public NopExporterConfig defaultConfig() {
    return new NopExporterConfig();
  }

  @Override
  public Exporter createExporter(ComponentSettings settings, NopExporterConfig config) {
    return DROPPING;
  }
}
