package io.otelring.exporter.debug;

import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Exporter;
import io.otelring.core.component.ExporterFactory;
import io.otelring.core.component.Host;
import io.otelring.core.consumer.Telemetry;
import io.otelring.exporter.sending.Push;
import io.otelring.exporter.sending.QueuedExporter;
import io.otelring.exporter.sending.RetryConfig;
import java.time.Duration;

/** Makes {@code debug} exporters: telemetry printed as the Go collector's debug exporter does. */
public final class DebugExporterFactory implements ExporterFactory<DebugExporterConfig> {

  @Override
  public String type() {
    return "debug";
  }

  @Override
  public Class<DebugExporterConfig> configType() {
    return DebugExporterConfig.class;
  }

  @Override
  public DebugExporterConfig defaultConfig() {
    return DebugExporterConfig.DEFAULT;
  }

  @Override
  public Exporter createExporter(ComponentSettings settings, DebugExporterConfig config) {
    return createExporter(settings, config, () -> true);
  }

  /**
   * The exporter, behind a sending queue when {@code sending_queue} is set — with no retries and no
   * timeout, as Go's debug exporter has neither.
   */
  @Override
  public Exporter createExporter(
      ComponentSettings settings, DebugExporterConfig config, Host host) {
    DebugExporter debug =
        DebugExporter.builder(settings.id().toString(), config)
            .resource(settings.resource())
            .build();
    if (!config.queued()) {
      return debug;
    }
    return QueuedExporter.create(
        settings,
        host,
        config.sendingQueue(),
        new RetryConfig(false, null, null, null, null, null),
        Duration.ZERO,
        0,
        new Printing(debug),
        "the debug output");
  }

  /** The queue's workers print; printing never fails. */
  private record Printing(DebugExporter debug) implements Push {
    @Override
    public Delivery push(Telemetry batch, Duration timeout) {
      debug.consume(batch);
      return Delivery.ALL;
    }

    @Override
    public void start() throws Exception {
      debug.start();
    }

    @Override
    public void shutdown(Duration deadline) {
      debug.shutdown(deadline);
    }
  }
}
