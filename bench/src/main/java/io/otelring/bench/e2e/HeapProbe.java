package io.otelring.bench.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live heap of another JVM: {@code jcmd <pid> GC.run} (a full collection with G1), then the
 * {@code used} figure of {@code GC.heap_info}. The difference before and after the collector holds
 * N spans, divided by N, is the heap a buffered span costs.
 */
final class HeapProbe {

  private static final Pattern USED = Pattern.compile("used (\\d+)K");

  private HeapProbe() {}

  /** Used heap in bytes after a full GC. */
  static long usedAfterGc(long pid) throws IOException, InterruptedException {
    jcmd(pid, "GC.run");
    return usedKib(jcmd(pid, "GC.heap_info")) * 1024;
  }

  /** The first {@code used NK} of a heap_info report: the whole heap's. */
  static long usedKib(String heapInfo) {
    Matcher matcher = USED.matcher(heapInfo);
    if (!matcher.find()) {
      throw new IllegalArgumentException("no used heap in: " + heapInfo);
    }
    return Long.parseLong(matcher.group(1));
  }

  private static String jcmd(long pid, String command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(List.of("jcmd", Long.toString(pid), command))
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("jcmd " + pid + " " + command + " failed: " + output);
    }
    return output;
  }
}
