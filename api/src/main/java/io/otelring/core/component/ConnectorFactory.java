package io.otelring.core.component;

/**
 * Makes connectors: a connector is an exporter of the pipelines that list it under {@code
 * exporters} and the receiver of those that list it under {@code receivers}. One connector is
 * created per id and signal it takes in; it hands its output to every pipeline that receives from
 * it, by signal.
 */
public interface ConnectorFactory<C extends ComponentConfig> extends Factory<C> {

  @Override
  default Kind kind() {
    return Kind.CONNECTOR;
  }

  /**
   * Whether this type turns data of pipelines of {@code from} into data of pipelines of {@code to}.
   */
  boolean connects(Signal from, Signal to);

  /**
   * The connector's side that takes data in from pipelines of {@code from}.
   *
   * @param next the pipelines that receive from this connector, by signal (only signals it connects
   *     {@code from} to)
   */
  Exporter createConnector(
      ComponentSettings settings, C config, Signal from, ReceiverConsumers next) throws Exception;
}
