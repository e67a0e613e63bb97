package io.otelring.core.component;

/** Takes telemetry in from outside and hands it to the consumers of its pipelines. */
public interface Receiver extends Lifecycle {}
