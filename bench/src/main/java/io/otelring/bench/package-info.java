/**
 * otelring's instruments: the load generator, the baseline servers, the end-to-end benchmark and
 * the JMH micro-benchmarks, packaged as one runnable jar ({@code bench/target/otelring-bench.jar}).
 */
package io.otelring.bench;
