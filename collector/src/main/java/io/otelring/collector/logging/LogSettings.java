package io.otelring.collector.logging;

import io.otelring.core.zap.ZapLine;
import java.io.PrintStream;
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
 */
public record LogSettings(
    int threshold,
    boolean json,
    List<PrintStream> outputs,
    List<ZapLine.Field> initialFields,
    boolean stacktraces,
    ZoneId zone) {

  /** Info and up, console lines on stderr: Go's defaults. */
  public static final LogSettings DEFAULTS =
      new LogSettings(
          org.slf4j.event.Level.INFO.toInt(),
          false,
          List.of(System.err),
          List.of(),
          true,
          ZoneId.systemDefault());

  private static volatile LogSettings current = DEFAULTS;

  public static LogSettings current() {
    return current;
  }

  public static void use(LogSettings settings) {
    current = settings;
  }
}
