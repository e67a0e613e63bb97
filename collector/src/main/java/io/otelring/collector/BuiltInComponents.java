package io.otelring.collector;

import io.otelring.collector.extension.basicauth.BasicAuthExtensionFactory;
import io.otelring.collector.extension.bearertokenauth.BearerTokenAuthExtensionFactory;
import io.otelring.collector.extension.headerssetter.HeadersSetterExtensionFactory;
import io.otelring.collector.extension.healthcheck.HealthCheckExtensionFactory;
import io.otelring.collector.extension.zpages.ZPagesExtensionFactory;
import io.otelring.connector.forward.ForwardConnectorFactory;
import io.otelring.core.component.Factories;
import io.otelring.core.component.Factory;
import io.otelring.core.component.Kind;
import io.otelring.exporter.debug.DebugExporterFactory;
import io.otelring.exporter.filestorage.FileStorageExtensionFactory;
import io.otelring.exporter.nop.NopExporterFactory;
import io.otelring.exporter.otlp.OtlpExporterFactory;
import io.otelring.exporter.otlphttp.OtlpHttpExporterFactory;
import io.otelring.exporter.tempo.TempoExporterFactory;
import io.otelring.processor.attributes.AttributesProcessorFactory;
import io.otelring.processor.batch.BatchProcessorFactory;
import io.otelring.processor.memorylimiter.MemoryLimiterProcessorFactory;
import io.otelring.processor.resource.ResourceProcessorFactory;
import io.otelring.processor.transform.TransformProcessorFactory;
import io.otelring.receiver.nop.NopReceiverFactory;
import io.otelring.receiver.otlp.OtlpReceiverFactory;
import java.util.List;
import java.util.Map;

/** The one list of components otelring ships. A new component is one line here. */
public final class BuiltInComponents {

  private BuiltInComponents() {}

  public static List<Factory<?>> list() {
    return List.of(
        // receivers
        new OtlpReceiverFactory(),
        new NopReceiverFactory(),
        // processors
        new BatchProcessorFactory(),
        new MemoryLimiterProcessorFactory(),
        new AttributesProcessorFactory(),
        new ResourceProcessorFactory(),
        new TransformProcessorFactory(),
        // exporters
        new DebugExporterFactory(),
        new OtlpExporterFactory(),
        new OtlpHttpExporterFactory(),
        new TempoExporterFactory(),
        new NopExporterFactory(),
        // connectors
        new ForwardConnectorFactory(),
        // extensions
        new HealthCheckExtensionFactory(),
        new BearerTokenAuthExtensionFactory(),
        new BasicAuthExtensionFactory(),
        new HeadersSetterExtensionFactory(),
        new FileStorageExtensionFactory(),
        new ZPagesExtensionFactory());
  }

  /**
   * Other names of types, as the Go collector has them: per kind, alias → type. An alias of a type
   * this build lacks is reported as such.
   */
  public static Map<Kind, Map<String, String>> aliases() {
    return Map.of(Kind.EXPORTER, Map.of("otlp_grpc", "otlp", "otlp_http", "otlphttp"));
  }

  public static Factories factories() {
    return Factories.of(list(), aliases());
  }
}
