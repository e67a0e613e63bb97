package io.otelring.bench.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How the benchmarks share {@code BENCHMARKS.md}: {@code bench/run.sh} rewrites the file up to the
 * kept-sections marker and keeps everything after it (hand-written history, JMH results, the
 * sections other benchmarks write); a benchmark with a section of its own replaces it between its
 * begin and end comments, or adds it at the end.
 */
public final class ReportFile {

  /** What separates the generated report from the sections that outlive its rewrites. */
  public static final String KEPT_MARKER =
      "<!-- Everything below this line is kept when bench/run.sh rewrites this file. -->";

  private ReportFile() {}

  /** Writes the generated report, followed by the kept sections of the file there now. */
  public static void writeKeepingSections(Path file, String generated) throws IOException {
    String existing = Files.exists(file) ? Files.readString(file) : "";
    Files.writeString(file, keepSections(generated, existing));
  }

  /** Replaces (or adds) the section {@code name} of the file, leaving the rest as it is. */
  public static void writeSection(Path file, String name, String section) throws IOException {
    String existing = Files.exists(file) ? Files.readString(file) : "";
    Files.writeString(file, replaceSection(existing, name, section));
  }

  static String keepSections(String generated, String existing) {
    int marker = existing.indexOf(KEPT_MARKER);
    if (marker < 0) {
      return generated;
    }
    String text = generated.endsWith("\n") ? generated : generated + "\n";
    return text + "\n" + existing.substring(marker);
  }

  static String replaceSection(String existing, String name, String section) {
    String begin = "<!-- " + name + ":begin -->";
    String end = "<!-- " + name + ":end -->";
    String body = section.endsWith("\n") ? section : section + "\n";
    String block = begin + "\n" + body + end + "\n";
    int from = existing.indexOf(begin);
    int to = existing.indexOf(end, Math.max(from, 0));
    if (from >= 0 && to >= 0) {
      String after = existing.substring(to + end.length());
      return existing.substring(0, from) + block + after.replaceFirst("^\n", "");
    }
    StringBuilder text = new StringBuilder(existing);
    if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
      text.append('\n');
    }
    if (existing.indexOf(KEPT_MARKER) < 0) {
      text.append(text.length() > 0 ? "\n" : "").append(KEPT_MARKER).append('\n');
    }
    return text.append('\n').append(block).toString();
  }
}
