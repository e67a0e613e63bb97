package io.otelring.core.component;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Logs a repeated failure (a backend down, a full queue) at most once per interval and says how
 * many were not logged in between, so a backend that is down does not flood the log.
 */
public final class ThrottledLog {

  private final Logger logger;
  private final long intervalNanos;
  private final AtomicLong nextAllowed = new AtomicLong(Long.MIN_VALUE);
  private final AtomicLong suppressed = new AtomicLong();

  public ThrottledLog(Logger logger, Duration interval) {
    this.logger = logger;
    this.intervalNanos = interval.toNanos();
  }

  public void warn(String format, Object... arguments) {
    if (allowed()) {
      logger.warn(format + suffix(), arguments);
    }
  }

  public void error(String format, Object... arguments) {
    if (allowed()) {
      logger.error(format + suffix(), arguments);
    }
  }

  private boolean allowed() {
    long now = System.nanoTime();
    long next = nextAllowed.get();
    if ((next == Long.MIN_VALUE || now - next >= 0)
        && nextAllowed.compareAndSet(next, now + intervalNanos)) {
      return true;
    }
    suppressed.incrementAndGet();
    return false;
  }

  private String suffix() {
    long skipped = suppressed.getAndSet(0);
    return skipped == 0 ? "" : " (" + skipped + " similar messages suppressed)";
  }
}
