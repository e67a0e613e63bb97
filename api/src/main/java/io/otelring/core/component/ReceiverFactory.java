package io.otelring.core.component;

/** Makes receivers. A receiver id listed in several pipelines is created once. */
public interface ReceiverFactory<C extends ComponentConfig> extends Factory<C> {

  @Override
  default Kind kind() {
    return Kind.RECEIVER;
  }

  Receiver createReceiver(ComponentSettings settings, C config, ReceiverConsumers next)
      throws Exception;
}
