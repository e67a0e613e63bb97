package io.otelring.bench.jmh;

import io.otelring.core.component.ComponentConfig;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Exporter;
import io.otelring.core.component.ExporterFactory;
import io.otelring.core.component.Receiver;
import io.otelring.core.component.ReceiverConsumers;
import io.otelring.core.component.ReceiverFactory;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.Consumer;
import io.otelring.core.consumer.Telemetry;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The two ends of a pipeline for the ring benchmark: a receiver that hands its consumer to the
 * benchmark ({@code handoff}) and an exporter that only counts ({@code counting}).
 */
final class RingComponents {

  /** These components take no settings; the field only gives the binder something to bind. */
  record Settings(String note) implements ComponentConfig {}

  private RingComponents() {}

  static final class HandoffReceivers implements ReceiverFactory<Settings> {
    volatile Consumer traces;

    @Override
    public String type() {
      return "handoff";
    }

    @Override
    public Class<Settings> configType() {
      return Settings.class;
    }

    @Override
    public Settings defaultConfig() {
      return new Settings("");
    }

    @Override
    public Receiver createReceiver(
        ComponentSettings settings, Settings config, ReceiverConsumers next) {
      traces = next.forSignal(Signal.TRACES).orElseThrow();
      return new Receiver() {
        @Override
        public void start() {}

        @Override
        public void shutdown(Duration deadline) {}
      };
    }
  }

  static final class CountingExporters implements ExporterFactory<Settings> {
    final AtomicLong items = new AtomicLong();

    @Override
    public String type() {
      return "counting";
    }

    @Override
    public Class<Settings> configType() {
      return Settings.class;
    }

    @Override
    public Settings defaultConfig() {
      return new Settings("");
    }

    @Override
    public Exporter createExporter(ComponentSettings settings, Settings config) {
      return new Exporter() {
        @Override
        public CompletionStage<Void> consume(Telemetry telemetry) {
          items.addAndGet(telemetry.itemCount());
          return ACCEPTED;
        }

        @Override
        public void start() {}

        @Override
        public void shutdown(Duration deadline) {}
      };
    }
  }
}
