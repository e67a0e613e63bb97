package io.otelring.core.zap;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Encodes one log entry as zap does in the Go collector. The console encoder: tab-separated time
 * (ISO 8601 with milliseconds, the given zone), lower-case level, the message as is, then the
 * fields as spaced JSON ({@code {"key": "value", "n": 1}}), and a newline; without time and level
 * (the debug exporter's own logger, {@code use_internal_logger: false}) the line starts with the
 * message. The JSON encoder ({@code encoding: json}): one compact object of {@code level}, {@code
 * ts}, {@code msg}, then the fields.
 */
public final class ZapLine {

  private static final DateTimeFormatter ISO8601 =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXX");
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** A zap field: its value is a String, a Number, or a Map of strings (a zap.Dict). */
  public record Field(String key, Object value) {}

  private final boolean timeAndLevel;
  private final ZoneId zone;

  public ZapLine(boolean timeAndLevel, ZoneId zone) {
    this.timeAndLevel = timeAndLevel;
    this.zone = zone;
  }

  /** An info entry: context fields (from the logger) come before the call's own fields. */
  public String info(Instant time, String message, List<Field> context, List<Field> fields) {
    return console(time, "info", message, context, fields);
  }

  /**
   * A console entry at {@code level} ({@code debug}, {@code info}, {@code warn}, {@code error}).
   */
  public String console(
      Instant time, String level, String message, List<Field> context, List<Field> fields) {
    StringBuilder line = new StringBuilder(message.length() + 128);
    if (timeAndLevel) {
      line.append(ISO8601.format(time.atZone(zone))).append('\t').append(level).append('\t');
    }
    line.append(message);
    if (!context.isEmpty() || !fields.isEmpty()) {
      if (line.length() > 0) {
        line.append('\t');
      }
      line.append('{');
      boolean first = true;
      for (List<Field> group : List.of(context, fields)) {
        for (Field field : group) {
          if (!first) {
            line.append(", ");
          }
          first = false;
          appendField(line, field);
        }
      }
      line.append('}');
    }
    return line.append('\n').toString();
  }

  /** A JSON entry, as zap's JSON encoder writes it: no spaces, fields after the message. */
  public String json(Instant time, String level, String message, List<Field> fields) {
    StringBuilder line = new StringBuilder(message.length() + 128);
    line.append("{\"level\":");
    appendString(line, level);
    line.append(",\"ts\":");
    appendString(line, ISO8601.format(time.atZone(zone)));
    line.append(",\"msg\":");
    appendString(line, message);
    for (Field field : fields) {
      line.append(',');
      appendString(line, field.key());
      line.append(':');
      appendValue(line, field.value(), ":", ",");
    }
    return line.append("}\n").toString();
  }

  private static void appendField(StringBuilder line, Field field) {
    appendString(line, field.key());
    line.append(": ");
    appendValue(line, field.value(), ": ", ", ");
  }

  private static void appendValue(StringBuilder line, Object value, String colon, String comma) {
    if (value instanceof Number number) {
      line.append(number.longValue());
    } else if (value instanceof Map<?, ?> dict) {
      line.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : dict.entrySet()) {
        if (!first) {
          line.append(comma);
        }
        first = false;
        appendString(line, String.valueOf(entry.getKey()));
        line.append(colon);
        appendString(line, String.valueOf(entry.getValue()));
      }
      line.append('}');
    } else {
      appendString(line, String.valueOf(value));
    }
  }

  /** zap's JSON string escaping: quotes, backslashes and control characters only. */
  private static void appendString(StringBuilder line, String s) {
    line.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"', '\\' -> line.append('\\').append(c);
        case '\n' -> line.append("\\n");
        case '\r' -> line.append("\\r");
        case '\t' -> line.append("\\t");
        default -> {
          if (c < 0x20) {
            line.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
          } else {
            line.append(c);
          }
        }
      }
    }
    line.append('"');
  }
}
