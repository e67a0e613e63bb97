/**
 * Data in flight: the {@link io.otelring.core.consumer.Telemetry} envelope, the {@link
 * io.otelring.core.consumer.Consumer} contract with its asynchronous acceptance, and {@link
 * io.otelring.core.consumer.Refusal}, the one error taxonomy, mapped to the wire by {@link
 * io.otelring.core.consumer.WireStatus}. Part of the plugin API.
 */
package io.otelring.core.consumer;
