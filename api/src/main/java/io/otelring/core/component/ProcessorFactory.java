package io.otelring.core.component;

import io.otelring.core.consumer.Consumer;

/** Makes processors: one instance per pipeline that lists the processor id. */
public interface ProcessorFactory<C extends ComponentConfig> extends Factory<C> {

  @Override
  default Kind kind() {
    return Kind.PROCESSOR;
  }

  Processor createProcessor(ComponentSettings settings, C config, Signal signal, Consumer next)
      throws Exception;
}
