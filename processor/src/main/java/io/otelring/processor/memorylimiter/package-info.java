/**
 * The {@code memory_limiter} processor: watches the JVM's heap on a timer of its own and, while the
 * heap is above the soft limit ({@code limit - spike}), refuses new data with a retryable answer
 * and asks for a garbage collection — the semantics of the Go collector's {@code
 * memorylimiterprocessor}, with limits relative to the JVM's maximum heap instead of the machine's
 * memory. The refusal is given before the data enters the pipeline's ring, so clients hear it and
 * retry; data that got in is never dropped.
 */
package io.otelring.processor.memorylimiter;
