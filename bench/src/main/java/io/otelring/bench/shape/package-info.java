/**
 * What the load generator sends: the span shapes of the benchmarks, the metric and log requests,
 * and the pool of pre-encoded requests it replays.
 */
package io.otelring.bench.shape;
