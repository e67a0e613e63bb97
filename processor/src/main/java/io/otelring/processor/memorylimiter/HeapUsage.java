package io.otelring.processor.memorylimiter;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Where the limiter reads the heap: the JVM's {@link MemoryMXBean} in production, a number the test
 * sets in unit tests.
 */
interface HeapUsage {

  /**
   * Bytes of heap in use, garbage not yet collected included — like Go's {@code MemStats.Alloc},
   * which is why a GC is asked for before data is refused for long.
   */
  long usedBytes();

  /** The most heap the JVM will use ({@code -Xmx}), or -1 when it has no limit. */
  long maxBytes();

  static HeapUsage jvm() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    return new HeapUsage() {
      @Override
      public long usedBytes() {
        return memory.getHeapMemoryUsage().getUsed();
      }

      @Override
      public long maxBytes() {
        return memory.getHeapMemoryUsage().getMax();
      }
    };
  }
}
