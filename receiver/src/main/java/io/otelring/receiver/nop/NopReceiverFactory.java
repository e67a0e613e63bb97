package io.otelring.receiver.nop;

import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Receiver;
import io.otelring.core.component.ReceiverConsumers;
import io.otelring.core.component.ReceiverFactory;

/** Makes {@code nop} receivers: they start, stop, and never hand anything on. */
public final class NopReceiverFactory implements ReceiverFactory<NopReceiverConfig> {

  private static final Receiver NOTHING = new Receiver() {};

  @Override
  public String type() {
    return "nop";
  }

  @Override
  public Class<NopReceiverConfig> configType() {
    return NopReceiverConfig.class;
  }

  @Override
  public NopReceiverConfig defaultConfig() {
    return new NopReceiverConfig();
  }

  @Override
  public Receiver createReceiver(
      ComponentSettings settings, NopReceiverConfig config, ReceiverConsumers next) {
    return NOTHING;
  }
}
