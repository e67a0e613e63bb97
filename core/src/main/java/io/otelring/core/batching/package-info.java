/**
 * Telemetry held until it is sent in batches: requests appended by their resource groups and taken
 * back by item count, cut where a cap falls, and joined on the wire while they are unparsed. The
 * batch processor and an exporter's {@code sending_queue.batch} both batch with it.
 */
package io.otelring.core.batching;
