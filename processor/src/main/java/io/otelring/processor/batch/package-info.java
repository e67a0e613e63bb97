/**
 * The {@code batch} processor: buffers spans, metric data points and log records and sends them on
 * in batches, by size ({@code send_batch_size}), by age ({@code timeout}) and capped in size
 * ({@code send_batch_max_size}), optionally one batch per tenant ({@code metadata_keys}) — the
 * semantics of the Go collector's {@code batchprocessor}.
 */
package io.otelring.processor.batch;
