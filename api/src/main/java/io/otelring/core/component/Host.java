package io.otelring.core.component;

/** What an extension may ask of the running collector. */
public interface Host {

  /** True while every pipeline is started and none has stopped. */
  boolean pipelinesRunning();
}
