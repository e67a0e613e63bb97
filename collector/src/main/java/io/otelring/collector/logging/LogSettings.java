package io.otelring.collector.logging;

import io.otelring.core.zap.LogSampler;
import io.otelring.core.zap.ZapLine;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * How log lines are written; replaced whole when the config is read, read by every logger at each
 * call (lines logged before the config is read use the defaults).
 *
 * @param threshold the lowest level written, as an SLF4J level number
 * @param json {@code encoding: json}, else console
 * @param outputs where every line goes
 * @param initialFields added to every line
 * @param stacktraces a throwable's stack trace is written with the line
 * @param zone the time zone of the timestamps (the machine's, as zap's)
 * @param sampling zap's sampler settings, or null to write every line
 */
public record LogSettings(
    int threshold,
    boolean json,
    List<PrintStream> outputs,
    List<ZapLine.Field> initialFields,
    boolean stacktraces,
    ZoneId zone,
    Sampling sampling) {

  /**
   * Per tick, the first {@code initial} lines of a level and message are written, then every {@code
   * thereafter}-th; each level has its own counters, as zap's sampler keys them.
   */
  public record Sampling(Duration tick, long initial, long thereafter) {
    /** Go's default: 10 per 10 s, then every 100th. */
    public static final Sampling GO_DEFAULT = new Sampling(Duration.ofSeconds(10), 10, 100);
  }

  /** Info and up, console lines on stderr, sampled: Go's defaults. */
  public static final LogSettings DEFAULTS =
      new LogSettings(
          org.slf4j.event.Level.INFO.toInt(),
          false,
          List.of(System.err),
          List.of(),
          true,
          ZoneId.systemDefault(),
          Sampling.GO_DEFAULT);

  private static volatile LogSettings current = DEFAULTS;
  private static volatile LogSampler[] samplers = samplersFor(DEFAULTS);

  public static LogSettings current() {
    return current;
  }

  public static void use(LogSettings settings) {
    samplers = samplersFor(settings);
    current = settings;
  }

  /** Whether a line of this level (an SLF4J level number) and message is written now. */
  static boolean sampled(int level, String message) {
    LogSampler[] now = samplers;
    if (now == null) {
      return true;
    }
    Instant time = Instant.now();
    return now[Math.floorMod(level / 10, now.length)].allow(
        message, time.getEpochSecond() * 1_000_000_000L + time.getNano());
  }

  private static LogSampler[] samplersFor(LogSettings settings) {
    Sampling sampling = settings.sampling();
    if (sampling == null) {
      return null;
    }
    // SLF4J's levels are 0, 10, 20, 30, 40: one sampler each.
    LogSampler[] each = new LogSampler[5];
    for (int i = 0; i < each.length; i++) {
      each[i] = new LogSampler(sampling.tick(), sampling.initial(), sampling.thereafter());
    }
    return each;
  }
}
