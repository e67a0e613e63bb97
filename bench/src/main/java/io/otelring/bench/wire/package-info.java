/**
 * Reading OTLP requests without parsing them: item counts by a walk of the protobuf wire format,
 * and the probe spans that measure receipt-to-export latency.
 */
package io.otelring.bench.wire;
