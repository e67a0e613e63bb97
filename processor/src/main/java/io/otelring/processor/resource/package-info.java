/**
 * The {@code resource} processor: the attribute actions of the {@code attributes} processor,
 * applied to resource attributes — the Go collector's {@code resourceprocessor}.
 */
package io.otelring.processor.resource;
