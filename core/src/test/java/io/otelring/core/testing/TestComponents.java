package io.otelring.core.testing;

import io.otelring.core.component.ComponentConfig;
import io.otelring.core.component.ComponentId;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.ConnectorFactory;
import io.otelring.core.component.Exporter;
import io.otelring.core.component.ExporterFactory;
import io.otelring.core.component.Processor;
import io.otelring.core.component.ProcessorFactory;
import io.otelring.core.component.Receiver;
import io.otelring.core.component.ReceiverConsumers;
import io.otelring.core.component.ReceiverFactory;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.Consumer;
import io.otelring.core.consumer.Telemetry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Small real components for pipeline tests: a receiver the test drives by hand, an exporter that
 * records, and a processor that can be stalled. Each factory keeps what it created, so a test can
 * reach the instances the graph built.
 */
public final class TestComponents {

  private TestComponents() {}

  /** Config of the test components: an optional marker value, to test binding. */
  public record Settings(String note, int count) implements ComponentConfig {
    @Override
    public List<String> validate() {
      return count < 0 ? List.of("count: must not be negative") : List.of();
    }
  }

  /** Type {@code manual}: a receiver whose consumers the test calls directly. */
  public static final class ManualReceivers implements ReceiverFactory<Settings> {
    public final Map<ComponentId, ReceiverConsumers> created = new ConcurrentHashMap<>();
    public final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public String type() {
      return "manual";
    }

    @Override
    public Class<Settings> configType() {
      return Settings.class;
    }

    @Override
    public Settings defaultConfig() {
      return new Settings("", 0);
    }

    @Override
    public Receiver createReceiver(
        ComponentSettings settings, Settings config, ReceiverConsumers next) {
      created.put(settings.id(), next);
      return new Receiver() {
        @Override
        public void start() {
          events.add("start receiver " + settings.id());
        }

        @Override
        public void shutdown(Duration deadline) {
          events.add("stop receiver " + settings.id());
        }
      };
    }

    public Consumer consumer(String id, Signal signal) {
      return created.get(ComponentId.parse(id)).forSignal(signal).orElseThrow();
    }
  }

  /** Type {@code recording}: an exporter that keeps everything. */
  public static final class RecordingExporters implements ExporterFactory<Settings> {
    public final Map<ComponentId, RecordingConsumer> created = new ConcurrentHashMap<>();
    public final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public String type() {
      return "recording";
    }

    @Override
    public Class<Settings> configType() {
      return Settings.class;
    }

    @Override
    public Settings defaultConfig() {
      return new Settings("", 0);
    }

    @Override
    public Exporter createExporter(ComponentSettings settings, Settings config) {
      RecordingConsumer recorder = new RecordingConsumer();
      if (created.putIfAbsent(settings.id(), recorder) != null) {
        throw new IllegalStateException("exporter " + settings.id() + " created twice");
      }
      return new Exporter() {
        @Override
        public CompletionStage<Void> consume(Telemetry telemetry) {
          return recorder.consume(telemetry);
        }

        @Override
        public void start() {
          events.add("start exporter " + settings.id());
        }

        @Override
        public void shutdown(Duration deadline) {
          events.add("stop exporter " + settings.id());
        }
      };
    }

    public RecordingConsumer get(String id) {
      return created.get(ComponentId.parse(id));
    }
  }

  /**
   * Type {@code gate}: passes data on, but while closed holds the ring thread — a stalled consumer
   * for backpressure tests. Also counts ticks, and buffers nothing.
   */
  public static final class GateProcessors implements ProcessorFactory<Settings> {
    private volatile CountDownLatch gate = new CountDownLatch(0);
    public final List<String> events = new CopyOnWriteArrayList<>();
    public final List<Long> ticks = new CopyOnWriteArrayList<>();

    /** When set, each processor asks for one tick this long after each request it passes on. */
    public volatile Duration tickAfterEachRequest;

    @Override
    public String type() {
      return "gate";
    }

    @Override
    public Class<Settings> configType() {
      return Settings.class;
    }

    @Override
    public Settings defaultConfig() {
      return new Settings("", 0);
    }

    public void close() {
      gate = new CountDownLatch(1);
    }

    public void open() {
      gate.countDown();
    }

    @Override
    public Processor createProcessor(
        ComponentSettings settings, Settings config, Signal signal, Consumer next) {
      return new Processor() {
        private long tickWantedAt;
        private boolean tickWanted;

        @Override
        public CompletionStage<Void> consume(Telemetry telemetry) {
          Duration after = tickAfterEachRequest;
          if (after != null) {
            tickWantedAt = System.nanoTime() + after.toNanos();
            tickWanted = true;
          }
          try {
            if (!gate.await(30, TimeUnit.SECONDS)) {
              throw new IllegalStateException("gate left closed for 30 s");
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return next.consume(telemetry);
        }

        @Override
        public boolean durable() {
          return next.durable();
        }

        @Override
        public java.util.Optional<Duration> tickInterval() {
          return config.count() > 0
              ? java.util.Optional.of(Duration.ofMillis(config.count()))
              : java.util.Optional.empty();
        }

        @Override
        public long nanosToNextTick(long nanoTime) {
          return tickWanted ? tickWantedAt - nanoTime : Long.MAX_VALUE;
        }

        @Override
        public void onTick(long nanoTime) {
          ticks.add(nanoTime);
          if (tickWanted && nanoTime - tickWantedAt >= 0) {
            tickWanted = false;
          }
        }

        @Override
        public void shutdown(Duration deadline) {
          events.add("stop processor " + settings.id());
        }
      };
    }
  }

  /** All three test factories, plus any others, as a list for {@code Factories.of}. */
  /**
   * Type {@code same}: a connector from each signal to itself, as Go's forward connector; it counts
   * what passes and records its lifecycle.
   */
  public static final class SameSignalConnectors implements ConnectorFactory<Settings> {
    public final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public String type() {
      return "same";
    }

    @Override
    public Class<Settings> configType() {
      return Settings.class;
    }

    @Override
    public Settings defaultConfig() {
      return new Settings("", 0);
    }

    @Override
    public boolean connects(Signal from, Signal to) {
      return from == to;
    }

    @Override
    public Exporter createConnector(
        ComponentSettings settings, Settings config, Signal from, ReceiverConsumers next) {
      Consumer pipelines = next.forSignal(from).orElseThrow();
      String name = settings.id() + " (" + from.configName() + ")";
      events.add("create connector " + name);
      return new Exporter() {
        @Override
        public CompletionStage<Void> consume(Telemetry telemetry) {
          return pipelines.consume(telemetry);
        }

        @Override
        public boolean durable() {
          return pipelines.durable();
        }

        @Override
        public boolean countsSends() {
          return true;
        }

        @Override
        public void start() {
          events.add("start connector " + name);
        }

        @Override
        public void shutdown(Duration deadline) {
          events.add("stop connector " + name);
        }
      };
    }
  }

  public static List<io.otelring.core.component.Factory<?>> list(
      io.otelring.core.component.Factory<?>... factories) {
    return new ArrayList<>(List.of(factories));
  }
}
