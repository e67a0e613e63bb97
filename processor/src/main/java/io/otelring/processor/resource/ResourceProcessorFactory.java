package io.otelring.processor.resource;

import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Processor;
import io.otelring.core.component.ProcessorFactory;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.Consumer;
import io.otelring.processor.attraction.AttributeActions;
import java.util.List;

/** Makes {@code resource} processors for traces, metrics and logs. */
public final class ResourceProcessorFactory implements ProcessorFactory<ResourceProcessorConfig> {

  @Override
  public String type() {
    return "resource";
  }

  @Override
  public Class<ResourceProcessorConfig> configType() {
    return ResourceProcessorConfig.class;
  }

  /** No actions: as in Go, the defaults alone are not a valid config. */
  @Override
  public ResourceProcessorConfig defaultConfig() {
    return new ResourceProcessorConfig(List.of());
  }

  @Override
  public Processor createProcessor(
      ComponentSettings settings, ResourceProcessorConfig config, Signal signal, Consumer next) {
    return new ResourceProcessor(AttributeActions.compile(config.attributes()), next);
  }
}
