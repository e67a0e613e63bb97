/**
 * What every exporter that talks to a backend shares, as thin wrappers around its push: the sending
 * queue (in memory, or persistent through a storage extension), retry with exponential backoff, the
 * per-attempt timeout, and splitting of requests larger than the backend takes. An exporter
 * implements only {@link io.otelring.exporter.sending.Push}.
 */
package io.otelring.exporter.sending;
