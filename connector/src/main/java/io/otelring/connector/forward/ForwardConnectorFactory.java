package io.otelring.connector.forward;

import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.ConnectorFactory;
import io.otelring.core.component.Exporter;
import io.otelring.core.component.ReceiverConsumers;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.Consumer;
import io.otelring.core.consumer.Telemetry;
import java.util.concurrent.CompletionStage;

/** Makes {@code forward} connectors: traces to traces, metrics to metrics, logs to logs. */
public final class ForwardConnectorFactory implements ConnectorFactory<ForwardConnectorConfig> {

  @Override
  public String type() {
    return "forward";
  }

  @Override
  public Class<ForwardConnectorConfig> configType() {
    return ForwardConnectorConfig.class;
  }

  @Override
  public ForwardConnectorConfig defaultConfig() {
    return new ForwardConnectorConfig();
  }

  @Override
  public boolean connects(Signal from, Signal to) {
    return from == to;
  }

  @Override
  public Exporter createConnector(
      ComponentSettings settings,
      ForwardConnectorConfig config,
      Signal from,
      ReceiverConsumers next) {
    Consumer pipelines =
        next.forSignal(from)
            .orElseThrow(
                () -> new IllegalArgumentException("no " + from.configName() + " pipeline"));
    return new Exporter() {
      /**
       * The receiving pipelines' answer is the answer: a full ring there refuses here, retryably.
       */
      @Override
      public CompletionStage<Void> consume(Telemetry telemetry) {
        return pipelines.consume(telemetry);
      }

      @Override
      public boolean durable() {
        return pipelines.durable();
      }

      /** A connector sends nothing out of the collector: no exporter series, as in Go. */
      @Override
      public boolean countsSends() {
        return true;
      }
    };
  }
}
