package io.otelring.core.zap;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The sampling of Go's zap logger ({@code zapcore.NewSamplerWithOptions}), which the Go collector
 * puts in front of its log and the debug exporter in front of its output: per tick, the first
 * {@code first} entries with the same message are written, then every {@code thereafter}-th one
 * ({@code thereafter = 0}: none).
 *
 * <p>As in zap, messages share counters by the FNV-1a hash of their text modulo 4096, a counter
 * restarts at the first entry after its tick has run out, and the two numbers are unsigned (a
 * negative {@code sampling_initial} in YAML therefore means "no limit", as it does in Go).
 */
public final class LogSampler {

  private static final int COUNTERS = 4096;

  private final long tickNanos;
  private final long first;
  private final long thereafter;
  private final long[] counts = new long[COUNTERS];
  private final long[] resetAt = new long[COUNTERS];

  public LogSampler(Duration tick, long first, long thereafter) {
    this.tickNanos = tick.toNanos();
    this.first = first;
    this.thereafter = thereafter;
  }

  /** Whether an entry with this message, logged at this time, is written. */
  public synchronized boolean allow(String message, long unixNanos) {
    int slot = Integer.remainderUnsigned(fnv32a(message), COUNTERS);
    long n;
    if (resetAt[slot] > unixNanos) {
      n = ++counts[slot];
    } else {
      counts[slot] = 1;
      resetAt[slot] = unixNanos + tickNanos;
      n = 1;
    }
    if (Long.compareUnsigned(n, first) <= 0) {
      return true;
    }
    return thereafter != 0 && Long.remainderUnsigned(n - first, thereafter) == 0;
  }

  private static int fnv32a(String message) {
    int hash = 0x811c9dc5;
    for (byte b : message.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xFF;
      hash *= 16777619;
    }
    return hash;
  }
}
