package io.otelring.collector;

import io.otelring.collector.extension.healthcheck.HealthCheckExtensionFactory;
import io.otelring.core.component.Factories;
import io.otelring.core.component.Factory;
import io.otelring.exporter.debug.DebugExporterFactory;
import io.otelring.processor.batch.BatchProcessorFactory;
import io.otelring.receiver.otlp.OtlpReceiverFactory;
import java.util.List;

/** The one list of components otelring ships. A new component is one line here. */
public final class BuiltInComponents {

  private BuiltInComponents() {}

  public static List<Factory<?>> list() {
    return List.of(
        // receivers
        new OtlpReceiverFactory(),
        // processors
        new BatchProcessorFactory(),
        // exporters
        new DebugExporterFactory(),
        // extensions
        new HealthCheckExtensionFactory());
  }

  public static Factories factories() {
    return Factories.of(list());
  }
}
