package io.otelring.processor.transform;

import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Processor;
import io.otelring.core.component.ProcessorFactory;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.Consumer;
import java.util.List;
import java.util.Map;

/** Makes {@code transform} (CEL) processors for traces, metrics and logs. */
public final class TransformProcessorFactory implements ProcessorFactory<TransformProcessorConfig> {

  @Override
  public String type() {
    return "transform";
  }

  @Override
  public Class<TransformProcessorConfig> configType() {
    return TransformProcessorConfig.class;
  }

  /** Nothing to add or remove: the defaults alone are not a valid config. */
  @Override
  public TransformProcessorConfig defaultConfig() {
    return new TransformProcessorConfig(
        null,
        new TransformProcessorConfig.Fields(Map.of(), List.of()),
        null,
        null,
        null,
        null,
        null);
  }

  /**
   * @throws IllegalArgumentException when {@code span.name} is set outside a traces pipeline
   */
  @Override
  public Processor createProcessor(
      ComponentSettings settings, TransformProcessorConfig config, Signal signal, Consumer next)
      throws Exception {
    if (signal != Signal.TRACES
        && config.fields().add().containsKey(TransformProcessorConfig.SPAN_NAME)) {
      throw new IllegalArgumentException(
          "fields::add::span.name: renames spans; it cannot be used in a "
              + signal.name().toLowerCase(java.util.Locale.ROOT)
              + " pipeline");
    }
    return new TransformProcessor(settings, TransformRules.compile(config), next);
  }
}
