package com.example.otelring.redact;

import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Processor;
import io.otelring.core.component.ProcessorFactory;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.Consumer;
import java.util.Set;

/** Makes {@code redact} processors. Listed in META-INF/services so otelring finds it. */
public final class RedactProcessorFactory implements ProcessorFactory<RedactConfig> {

  @Override
  public String type() {
    return "redact";
  }

  @Override
  public Class<RedactConfig> configType() {
    return RedactConfig.class;
  }

  @Override
  public RedactConfig defaultConfig() {
    return RedactConfig.defaults();
  }

  @Override
  public Set<Signal> signals() {
    return Set.of(Signal.TRACES, Signal.LOGS);
  }

  @Override
  public Processor createProcessor(
      ComponentSettings settings, RedactConfig config, Signal signal, Consumer next) {
    return new RedactProcessor(settings, config, next);
  }
}
