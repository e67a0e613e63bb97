package io.otelring.core.component;

import io.otelring.core.consumer.Consumer;

/**
 * Sends telemetry out of the collector. {@link #consume} is called from ring threads (one per
 * pipeline that lists the exporter) and must not block on the network: an exporter that talks to a
 * backend owns a bounded queue and its own workers.
 */
public interface Exporter extends Consumer, Lifecycle {}
