/**
 * The attribute action engine and the include/exclude matchers shared by the {@code attributes} and
 * {@code resource} processors: the semantics of the Go collector's {@code attraction} and {@code
 * filterconfig} packages, applied to OTLP protobuf attribute lists.
 */
package io.otelring.processor.attraction;
