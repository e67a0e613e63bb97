/**
 * JMH micro-benchmarks of the hot paths: protobuf decode and encode, the batch processor's merge
 * and split, the ring's hand-over. Run with {@code java -jar bench/target/otelring-bench.jar jmh};
 * they are compiled, never run, by {@code mvn verify}.
 */
package io.otelring.bench.jmh;
