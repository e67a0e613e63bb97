package io.otelring.processor.batch;

import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Processor;
import io.otelring.core.component.ProcessorFactory;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.Consumer;
import java.time.Duration;
import java.util.List;

/** Makes {@code batch} processors, one per pipeline that lists the id, for every signal. */
public final class BatchProcessorFactory implements ProcessorFactory<BatchProcessorConfig> {

  @Override
  public String type() {
    return "batch";
  }

  @Override
  public Class<BatchProcessorConfig> configType() {
    return BatchProcessorConfig.class;
  }

  /** The Go collector's defaults: 200ms, 8192 items, no cap, one batch, 1000 combinations. */
  @Override
  public BatchProcessorConfig defaultConfig() {
    return new BatchProcessorConfig(Duration.ofMillis(200), 8192, 0, List.of(), 1000);
  }

  @Override
  public Processor createProcessor(
      ComponentSettings settings, BatchProcessorConfig config, Signal signal, Consumer next) {
    return new BatchProcessor(settings, config, signal, next, System::nanoTime);
  }
}
