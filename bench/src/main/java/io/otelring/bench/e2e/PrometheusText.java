package io.otelring.bench.e2e;

/** Reads counters from the Prometheus text format that otelring serves on its metrics port. */
public final class PrometheusText {

  private PrometheusText() {}

  /** The sum of every series of {@code name} (any labels); 0 when there is none. */
  public static double sum(String text, String name) {
    double total = 0;
    for (String line : text.split("\n")) {
      if (line.startsWith(name) && !line.startsWith("#")) {
        String rest = line.substring(name.length());
        if (rest.startsWith("{") || rest.startsWith(" ")) {
          String sample = rest.startsWith("{") ? rest.substring(rest.lastIndexOf('}') + 1) : rest;
          // The value, then maybe a timestamp.
          total += Double.parseDouble(sample.trim().split("\\s+")[0]);
        }
      }
    }
    return total;
  }
}
