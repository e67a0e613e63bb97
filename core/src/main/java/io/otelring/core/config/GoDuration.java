package io.otelring.core.config;

import java.time.Duration;

/**
 * Durations written the way Go's {@code time.ParseDuration} reads them ({@code 200ms}, {@code 5s},
 * {@code 1m30s}, {@code 1.5h}), so that a config written for the Go collector means the same here.
 * A bare integer is nanoseconds, as when Go decodes a number into a {@code time.Duration}.
 */
public final class GoDuration {

  private GoDuration() {}

  /**
   * Parses a Go duration.
   *
   * @throws IllegalArgumentException with a message fit for a config error
   */
  public static Duration parse(String text) {
    String s = text.trim();
    if (s.isEmpty()) {
      throw invalid(text);
    }
    if (s.chars().allMatch(Character::isDigit)) {
      return Duration.ofNanos(Long.parseLong(s));
    }
    boolean negative = false;
    int i = 0;
    if (s.charAt(0) == '-' || s.charAt(0) == '+') {
      negative = s.charAt(0) == '-';
      i = 1;
    }
    if (s.substring(i).equals("0")) {
      return Duration.ZERO;
    }
    double totalNanos = 0;
    boolean any = false;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
        i++;
      }
      if (start == i) {
        throw invalid(text);
      }
      double value;
      try {
        value = Double.parseDouble(s.substring(start, i));
      } catch (NumberFormatException e) {
        throw invalid(text);
      }
      int unitStart = i;
      while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
        i++;
      }
      totalNanos += value * unitNanos(s.substring(unitStart, i), text);
      any = true;
    }
    if (!any) {
      throw invalid(text);
    }
    long nanos = Math.round(totalNanos);
    return Duration.ofNanos(negative ? -nanos : nanos);
  }

  /** Formats a duration as Go's {@code Duration.String()} does ({@code 1m30s}, {@code 200ms}). */
  public static String format(Duration duration) {
    long nanos = duration.toNanos();
    if (nanos == 0) {
      return "0s";
    }
    StringBuilder out = new StringBuilder();
    if (nanos < 0) {
      out.append('-');
      nanos = -nanos;
    }
    if (nanos < 1_000_000_000L) {
      if (nanos < 1_000) {
        return out.append(nanos).append("ns").toString();
      }
      if (nanos < 1_000_000) {
        return out.append(fraction(nanos, 1_000)).append("µs").toString();
      }
      return out.append(fraction(nanos, 1_000_000)).append("ms").toString();
    }
    long hours = nanos / 3_600_000_000_000L;
    long minutes = nanos / 60_000_000_000L % 60;
    long rest = nanos % 60_000_000_000L;
    if (hours > 0) {
      out.append(hours).append('h');
    }
    if (hours > 0 || minutes > 0) {
      out.append(minutes).append('m');
    }
    return out.append(fraction(rest, 1_000_000_000L)).append('s').toString();
  }

  private static String fraction(long value, long unit) {
    long whole = value / unit;
    long part = value % unit;
    if (part == 0) {
      return Long.toString(whole);
    }
    String digits = Long.toString(unit + part).substring(1).replaceAll("0+$", "");
    return whole + "." + digits;
  }

  private static double unitNanos(String unit, String text) {
    return switch (unit) {
      case "ns" -> 1;
      case "us", "µs", "μs" -> 1e3;
      case "ms" -> 1e6;
      case "s" -> 1e9;
      case "m" -> 60e9;
      case "h" -> 3600e9;
      default -> throw invalid(text);
    };
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException(
        "invalid duration \"" + text + "\": use a number with a unit, such as 200ms, 5s or 1m30s");
  }
}
