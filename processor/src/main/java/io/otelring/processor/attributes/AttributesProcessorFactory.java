package io.otelring.processor.attributes;

import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Processor;
import io.otelring.core.component.ProcessorFactory;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.Consumer;
import io.otelring.processor.attraction.AttributeActions;
import io.otelring.processor.attraction.Selection;
import java.util.List;

/** Makes {@code attributes} processors for traces, metrics and logs. */
public final class AttributesProcessorFactory
    implements ProcessorFactory<AttributesProcessorConfig> {

  @Override
  public String type() {
    return "attributes";
  }

  @Override
  public Class<AttributesProcessorConfig> configType() {
    return AttributesProcessorConfig.class;
  }

  /** No actions: as in Go, the defaults alone are not a valid config. */
  @Override
  public AttributesProcessorConfig defaultConfig() {
    return new AttributesProcessorConfig(null, null, List.of());
  }

  /**
   * @throws IllegalArgumentException when {@code include}/{@code exclude} name properties the
   *     signal does not have (log bodies on spans, span names on logs), as Go refuses them
   */
  @Override
  public Processor createProcessor(
      ComponentSettings settings, AttributesProcessorConfig config, Signal signal, Consumer next) {
    Selection selection =
        switch (signal) {
          case TRACES -> Selection.forSpans(config.include(), config.exclude());
          case LOGS -> Selection.forLogs(config.include(), config.exclude());
          case METRICS -> Selection.forMetrics(config.include(), config.exclude());
        };
    return new AttributesProcessor(AttributeActions.compile(config.actions()), selection, next);
  }
}
