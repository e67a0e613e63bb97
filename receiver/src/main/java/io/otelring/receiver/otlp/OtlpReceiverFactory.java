package io.otelring.receiver.otlp;

import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Host;
import io.otelring.core.component.Receiver;
import io.otelring.core.component.ReceiverConsumers;
import io.otelring.core.component.ReceiverFactory;

/**
 * Makes {@code otlp} receivers. The default config turns no protocol on: as in Go, {@code grpc:} or
 * {@code http:} must be written (an empty value means every default).
 */
public final class OtlpReceiverFactory implements ReceiverFactory<OtlpReceiverConfig> {

  @Override
  public String type() {
    return "otlp";
  }

  @Override
  public Class<OtlpReceiverConfig> configType() {
    return OtlpReceiverConfig.class;
  }

  @Override
  public OtlpReceiverConfig defaultConfig() {
    return new OtlpReceiverConfig(Protocols.NONE);
  }

  @Override
  public Receiver createReceiver(
      ComponentSettings settings, OtlpReceiverConfig config, ReceiverConsumers next) {
    return createReceiver(settings, config, next, () -> true);
  }

  @Override
  public Receiver createReceiver(
      ComponentSettings settings, OtlpReceiverConfig config, ReceiverConsumers next, Host host) {
    return new OtlpReceiver(settings, config, next, host);
  }
}
