package io.otelring.collector;

import io.otelring.core.pipeline.RingOptions;
import io.otelring.core.testing.RecordingConsumer;
import io.otelring.core.testing.TestComponents;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A collector started in-process from YAML, with {@code recording} exporters to read what reached
 * them, closed after each test ({@code @RegisterExtension}).
 */
final class RunningCollector implements AfterEachCallback {

  private final TestComponents.RecordingExporters recorders =
      new TestComponents.RecordingExporters();
  private Collector collector;

  /** Starts the collector of this config, with the default rings. */
  void start(String yaml) throws Exception {
    collector = Collector.startYaml(yaml, RingOptions.DEFAULT, recorders);
  }

  /** What the {@code recording} exporter with this id received. */
  RecordingConsumer recording(String id) {
    return recorders.get(id);
  }

  /** Stops the collector now (shutdown drains and flushes); a no-op when it is not running. */
  void stop() {
    if (collector != null) {
      collector.close();
      collector = null;
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    stop();
  }
}
