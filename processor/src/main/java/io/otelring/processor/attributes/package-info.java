/**
 * The {@code attributes} processor: inserts, updates, upserts, deletes, hashes, extracts and
 * converts attributes of spans, log records and metric data points, for the items its {@code
 * include}/{@code exclude} blocks select — the Go collector's {@code attributesprocessor}.
 */
package io.otelring.processor.attributes;
