package io.otelring.bench.e2e;

/**
 * One measured run of one system with one shape, over the measurement window (after warm-up).
 *
 * @param target the system under test
 * @param shape the span shape's name
 * @param repetition which repetition (from 1)
 * @param seconds the window's length
 * @param acceptedPerSecond spans the load generator saw accepted, per second
 * @param deliveredPerSecond spans the system delivered (baselines: received), per second
 * @param cpuSecondsPerMillion CPU seconds (user + system) of the system per million accepted spans
 * @param coreFraction the system's CPU time over the window's length (1.0 = one core busy)
 * @param rssBytes VmRSS at the end of the window, while the load still runs
 * @param peakRssBytes VmHWM at the end of the run (start-up and warm-up included)
 * @param requestP50Millis load generator's request latency, median
 * @param requestP99Millis load generator's request latency, 99th percentile
 * @param exportP50Millis probe latency from send to the sink's receipt, median; NaN when unmeasured
 * @param exportP99Millis the same, 99th percentile; NaN when unmeasured
 * @param refusedSpans spans refused in the window
 * @param failedRequests requests that failed in the window
 * @param queuedAtEnd batches waiting in otelring's sending queue at the window's end; NaN for a
 *     system without one
 * @param deliveredMatches whether, after the load stopped and the system drained, it had delivered
 *     exactly the spans it accepted
 */
record RunResult(
    Target target,
    String shape,
    int repetition,
    double seconds,
    double acceptedPerSecond,
    double deliveredPerSecond,
    double cpuSecondsPerMillion,
    double coreFraction,
    long rssBytes,
    long peakRssBytes,
    double requestP50Millis,
    double requestP99Millis,
    double exportP50Millis,
    double exportP99Millis,
    long refusedSpans,
    long failedRequests,
    double queuedAtEnd,
    boolean deliveredMatches) {}
