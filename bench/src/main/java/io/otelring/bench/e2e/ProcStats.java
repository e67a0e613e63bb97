package io.otelring.bench.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code /proc} says about a process: CPU time (user + system, all threads) and resident
 * memory, current and peak.
 */
public final class ProcStats {

  /** Clock ticks per second of {@code /proc/<pid>/stat}; USER_HZ is 100 on every Linux ABI. */
  static final long TICKS_PER_SECOND = 100;

  private ProcStats() {}

  /** CPU seconds the process has used, user plus system. */
  static double cpuSeconds(long pid) throws IOException {
    return cpuTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")))
        / (double) TICKS_PER_SECOND;
  }

  /** Resident set size now (VmRSS) in bytes. */
  public static long rssBytes(long pid) throws IOException {
    return statusKib(Files.readString(Path.of("/proc", Long.toString(pid), "status")), "VmRSS")
        * 1024;
  }

  /** Peak resident set size (VmHWM) in bytes. */
  public static long peakRssBytes(long pid) throws IOException {
    return statusKib(Files.readString(Path.of("/proc", Long.toString(pid), "status")), "VmHWM")
        * 1024;
  }

  /**
   * utime + stime of a {@code stat} line: fields 14 and 15, counted after the command name, which
   * is in parentheses and may itself hold spaces and parentheses.
   */
  static long cpuTicks(String stat) {
    String afterName = stat.substring(stat.lastIndexOf(')') + 2);
    String[] fields = afterName.trim().split("\\s+");
    // afterName starts at field 3 (state), so field n is fields[n - 3].
    return Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
  }

  /** A {@code kB} value of {@code /proc/<pid>/status}, e.g. {@code VmHWM: 123456 kB}. */
  static long statusKib(String status, String key) {
    for (String line : status.split("\n")) {
      if (line.startsWith(key + ":")) {
        return Long.parseLong(line.substring(key.length() + 1).replace("kB", "").trim());
      }
    }
    throw new IllegalArgumentException("no " + key + " in /proc status");
  }
}
