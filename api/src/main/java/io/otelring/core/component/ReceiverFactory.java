package io.otelring.core.component;

/** Makes receivers. A receiver id listed in several pipelines is created once. */
public interface ReceiverFactory<C extends ComponentConfig> extends Factory<C> {

  @Override
  default Kind kind() {
    return Kind.RECEIVER;
  }

  Receiver createReceiver(ComponentSettings settings, C config, ReceiverConsumers next)
      throws Exception;

  /**
   * Makes a receiver that may use the collector's extensions (an {@code auth.authenticator}). The
   * graph calls this one; by default it ignores the host.
   */
  default Receiver createReceiver(
      ComponentSettings settings, C config, ReceiverConsumers next, Host host) throws Exception {
    return createReceiver(settings, config, next);
  }
}
