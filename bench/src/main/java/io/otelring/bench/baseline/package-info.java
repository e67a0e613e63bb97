/**
 * The baselines otelring is measured against: B0, a gRPC server that reads bytes and acks, and B2,
 * one that parses with the generated services and acks.
 */
package io.otelring.bench.baseline;
