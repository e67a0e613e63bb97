package io.otelring.exporter.debug;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Formats an OTLP timestamp as Go's {@code time.Time.String()} does for pdata's {@code Timestamp}:
 * {@code 2020-02-11 20:26:13.000000789 +0000 UTC}, with trailing zeros of the fraction removed and
 * no fraction at all for a whole second.
 */
final class GoTimeFormat {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private GoTimeFormat() {}

  /**
   * Formats nanoseconds since the Unix epoch. The field is unsigned in OTLP; Go converts it to a
   * signed int64 first, and so does this (a long already is one).
   */
  static String utc(long unixNanos) {
    long seconds = Math.floorDiv(unixNanos, NANOS_PER_SECOND);
    int nanos = (int) Math.floorMod(unixNanos, NANOS_PER_SECOND);
    LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochSecond(seconds), ZoneOffset.UTC);
    StringBuilder out = new StringBuilder(40);
    pad(out, t.getYear(), 4).append('-');
    pad(out, t.getMonthValue(), 2).append('-');
    pad(out, t.getDayOfMonth(), 2).append(' ');
    pad(out, t.getHour(), 2).append(':');
    pad(out, t.getMinute(), 2).append(':');
    pad(out, t.getSecond(), 2);
    if (nanos != 0) {
      String fraction = String.format("%09d", nanos);
      int end = fraction.length();
      while (fraction.charAt(end - 1) == '0') {
        end--;
      }
      out.append('.').append(fraction, 0, end);
    }
    return out.append(" +0000 UTC").toString();
  }

  private static StringBuilder pad(StringBuilder out, int value, int width) {
    String digits = Integer.toString(Math.abs(value));
    if (value < 0) {
      out.append('-');
    }
    for (int i = digits.length(); i < width; i++) {
      out.append('0');
    }
    return out.append(digits);
  }
}
