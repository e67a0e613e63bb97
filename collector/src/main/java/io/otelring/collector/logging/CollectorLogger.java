package io.otelring.collector.logging;

import io.otelring.core.zap.ZapLine;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * One SLF4J logger writing zap lines. A component's logger ({@code otelring.<kind>.<id>}, as {@code
 * ComponentSettings} names it) carries {@code otelcol.component.id} and {@code
 * otelcol.component.kind}, as the Go collector's component loggers do; any other carries its name
 * as {@code logger}. Netty and grpc-java log at warn and up only: their info lines are nothing a
 * user can act on.
 */
final class CollectorLogger extends LegacyAbstractLogger {

  private static final Set<String> KINDS =
      Set.of("receiver", "processor", "exporter", "connector", "extension");
  private static final Object WRITING = new Object();

  private final List<ZapLine.Field> fields;
  private final int floor;

  CollectorLogger(String name) {
    this.name = name;
    this.fields = fieldsOf(name);
    this.floor = name.startsWith("io.netty") || name.startsWith("io.grpc") ? Level.WARN.toInt() : 0;
  }

  private static List<ZapLine.Field> fieldsOf(String name) {
    String[] parts = name.split("\\.", 3);
    if (parts.length == 3 && parts[0].equals("otelring") && KINDS.contains(parts[1])) {
      return List.of(
          new ZapLine.Field("otelcol.component.id", parts[2]),
          new ZapLine.Field("otelcol.component.kind", parts[1]));
    }
    return List.of(new ZapLine.Field("logger", name));
  }

  private static boolean enabled(int level, int floor) {
    return level >= Math.max(floor, LogSettings.current().threshold());
  }

  @Override
  public boolean isTraceEnabled() {
    return enabled(Level.TRACE.toInt(), floor);
  }

  @Override
  public boolean isDebugEnabled() {
    return enabled(Level.DEBUG.toInt(), floor);
  }

  @Override
  public boolean isInfoEnabled() {
    return enabled(Level.INFO.toInt(), floor);
  }

  @Override
  public boolean isWarnEnabled() {
    return enabled(Level.WARN.toInt(), floor);
  }

  @Override
  public boolean isErrorEnabled() {
    return enabled(Level.ERROR.toInt(), floor);
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
    // zap samples by message; the pattern is the message before its values are put in.
    if (!LogSettings.sampled(level.toInt(), String.valueOf(pattern))) {
      return;
    }
    LogSettings settings = LogSettings.current();
    String message = MessageFormatter.basicArrayFormat(pattern, arguments);
    List<ZapLine.Field> all = new ArrayList<>(settings.initialFields());
    all.addAll(fields);
    String trace = null;
    if (throwable != null) {
      all.add(new ZapLine.Field("error", throwable.toString()));
      if (settings.stacktraces()) {
        StringWriter text = new StringWriter();
        throwable.printStackTrace(new PrintWriter(text));
        trace = text.toString();
        if (settings.json()) {
          all.add(new ZapLine.Field("stacktrace", trace));
        }
      }
    }
    // zap's level names; SLF4J's trace is below anything zap has.
    String levelName = level == Level.TRACE ? "debug" : level.name().toLowerCase(Locale.ROOT);
    ZapLine encoder = new ZapLine(true, settings.zone());
    Instant now = Instant.now();
    String line =
        settings.json()
            ? encoder.json(now, levelName, message, all)
            : encoder.console(now, levelName, message, List.of(), all)
                + (trace == null ? "" : trace);
    synchronized (WRITING) {
      for (PrintStream out : settings.outputs()) {
        out.print(line);
        out.flush();
      }
    }
  }
}
