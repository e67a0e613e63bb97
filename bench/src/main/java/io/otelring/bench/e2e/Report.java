package io.otelring.bench.e2e;

import io.otelring.collector.LibraryDefaults;
import io.otelring.core.config.GoDuration;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** {@code BENCHMARKS.md}: medians per shape and system, ratios, heap, definitions, every run. */
final class Report {

  private final List<RunResult> runs;
  private final List<HeapResult> heaps;
  private final MachineInfo machine;
  private final EndToEndBenchmark.Settings settings;
  private final String command;
  private final String label;
  private final int repeat;
  private final Path out;
  private final Path chart;

  Report(
      List<RunResult> runs,
      List<HeapResult> heaps,
      MachineInfo machine,
      EndToEndBenchmark.Settings settings,
      String command,
      String label,
      int repeat,
      Path out,
      Path chart) {
    this.runs = runs;
    this.heaps = heaps;
    this.machine = machine;
    this.settings = settings;
    this.command = command;
    this.label = label;
    this.repeat = repeat;
    this.out = out;
    this.chart = chart;
  }

  static String progressLine(RunResult r) {
    return String.format(
        Locale.ROOT,
        "run %d %-8s %-8s %,10.0f spans/s accepted %,10.0f delivered  %6.2f CPU-s/M"
            + "  RSS %4.0f MiB (peak %4.0f)%s%s",
        r.repetition(),
        r.shape(),
        r.target().label(),
        r.acceptedPerSecond(),
        r.deliveredPerSecond(),
        r.cpuSecondsPerMillion(),
        r.rssBytes() / 1048576.0,
        r.peakRssBytes() / 1048576.0,
        Double.isNaN(r.queuedAtEnd())
            ? ""
            : String.format(Locale.ROOT, "  queue %.0f", r.queuedAtEnd()),
        r.deliveredMatches() ? "" : "  DELIVERED != ACCEPTED");
  }

  String markdown() {
    StringBuilder md = new StringBuilder("# otelring benchmarks\n\n");
    if (!label.isBlank()) {
      md.append("> **").append(label).append("**\n\n");
    }
    md.append("Run ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(" with:\n\n");
    md.append("```sh\n").append(command).append("\n```\n\n");
    md.append("| | |\n|---|---|\n");
    md.append(row("CPU", machine.cpu() + " — " + machine.cpus() + " CPUs"));
    md.append(row("memory", machine.memoryMib() + " MiB"));
    md.append(row("OS", machine.kernel()));
    md.append(row("JVM", machine.jvm()));
    md.append(
        row("JVM options of each system", "`" + String.join(" ", settings.jvmOptions()) + "`"));
    md.append(row("environment of each system", "`" + SutProcess.environmentNote() + "`"));
    md.append(
        row(
            "library properties of each system",
            "`"
                + String.join(" ", LibraryDefaults.asProperties())
                + "` (the collector's defaults; the bench jar sets them for B0 and B2 too)"));
    md.append(
        row(
            "pinning",
            settings.sutCpu().isBlank()
                ? "none"
                : "system under test `taskset -c "
                    + settings.sutCpu()
                    + "`; load generator (and sink) on CPU(s) "
                    + machine.ownCpus()));
    md.append(row("otelring pipeline", pipeline()));
    md.append(
        row(
            "load",
            String.format(
                Locale.ROOT,
                "OTLP/gRPC, %d workers, %s, %d pre-encoded requests replayed",
                settings.workers(),
                settings.rate() == 0
                    ? "as fast as answered"
                    : String.format(Locale.ROOT, "%,.0f spans/s", settings.rate()),
                settings.pool())));
    md.append(
        row(
            "runs",
            String.format(
                Locale.ROOT,
                "%d per system and shape, interleaved; %s%s warm-up, %s measured",
                repeat,
                settings.ramps()
                    ? String.format(
                        Locale.ROOT,
                        "%s at %,.0f spans/s, then ",
                        GoDuration.format(settings.ramp()),
                        settings.rampRate())
                    : "",
                GoDuration.format(settings.warmup()),
                GoDuration.format(settings.measure()))));
    md.append("\n## Results (medians over the runs)\n\n");
    md.append(
        "| shape | system | spans/s accepted | spans/s delivered | delivered = accepted |"
            + " CPU-s per M spans | CPU (cores) | RSS MiB (end / peak) | request p50 / p99 ms |"
            + " receipt→export p50 / p99 ms | refused spans | failed requests |\n");
    md.append("|---|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Map.Entry<String, List<RunResult>> group : groups().entrySet()) {
      List<RunResult> g = group.getValue();
      RunResult first = g.get(0);
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %,.0f | %,.0f | %s | %.2f | %.2f | %.0f / %.0f | %s / %s | %s / %s | %,d |"
                  + " %,d |%n",
              first.shape(),
              first.target().label(),
              median(g, RunResult::acceptedPerSecond),
              median(g, RunResult::deliveredPerSecond),
              g.stream().allMatch(RunResult::deliveredMatches) ? "yes" : "**no**",
              median(g, RunResult::cpuSecondsPerMillion),
              median(g, RunResult::coreFraction),
              median(g, r -> r.rssBytes() / 1048576.0),
              g.stream().mapToLong(RunResult::peakRssBytes).max().orElse(0) / 1048576.0,
              millis(median(g, RunResult::requestP50Millis)),
              millis(median(g, RunResult::requestP99Millis)),
              millis(median(g, RunResult::exportP50Millis)),
              millis(median(g, RunResult::exportP99Millis)),
              g.stream().mapToLong(RunResult::refusedSpans).sum(),
              g.stream().mapToLong(RunResult::failedRequests).sum()));
    }
    md.append(ratios());
    md.append(heap());
    Path base = out.toAbsolutePath().getParent();
    md.append("\n![throughput and CPU per span by shape](")
        .append(base.relativize(chart.toAbsolutePath()).toString().replace('\\', '/'))
        .append(")\n");
    md.append(definitions());
    md.append("\n## Every run\n\n");
    md.append(
        "| run | shape | system | window s | spans/s accepted | spans/s delivered | CPU-s per M"
            + " | CPU (cores) | RSS MiB (end / peak) | request p50 / p99 ms"
            + " | exporter queue at the end, batches |\n");
    md.append("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (RunResult r : runs) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | %s | %s | %.1f | %,.0f | %,.0f | %.2f | %.2f | %.0f / %.0f | %s / %s | %s |%n",
              r.repetition(),
              r.shape(),
              r.target().label(),
              r.seconds(),
              r.acceptedPerSecond(),
              r.deliveredPerSecond(),
              r.cpuSecondsPerMillion(),
              r.coreFraction(),
              r.rssBytes() / 1048576.0,
              r.peakRssBytes() / 1048576.0,
              millis(r.requestP50Millis()),
              millis(r.requestP99Millis()),
              whole(r.queuedAtEnd())));
    }
    return md.toString();
  }

  private String pipeline() {
    if (settings.exporter() == SutLauncher.Exporter.OTLP) {
      return "otlp receiver → batch (defaults) → otlp exporter (compression "
          + settings.exportCompression()
          + ") to a B0 sink in the load generator's process";
    }
    return "otlp receiver → batch (defaults) → debug exporter (basic verbosity, output discarded)."
        + " Not yet the seed pipeline's otlp exporter: this build has none; run with"
        + " `--exporter otlp` once it has";
  }

  private String ratios() {
    StringBuilder md = new StringBuilder("\n## otelring relative to the baselines\n\n");
    md.append(
        "CPU per span and throughput of otelring divided by the baseline's (medians). Below 1 is"
            + " cheaper (CPU) or slower (throughput). *Within each repetition*: otelring ÷ B2 in"
            + " the same repetition, whose runs are back to back — the median, then each; on a"
            + " machine whose load drifts it is the steadier figure.\n\n");
    md.append(
        "| shape | CPU/span ÷ B2 | CPU/span ÷ B2 within each repetition | CPU/span ÷ B0 |"
            + " throughput ÷ B2 | throughput ÷ B0 |\n");
    md.append("|---|---:|---:|---:|---:|---:|\n");
    Map<String, List<RunResult>> groups = groups();
    for (String shape : runs.stream().map(RunResult::shape).distinct().toList()) {
      List<RunResult> ring = groups.get(shape + "/" + Target.OTELRING);
      if (ring == null) {
        continue;
      }
      List<RunResult> b2 = groups.get(shape + "/" + Target.B2);
      List<RunResult> b0 = groups.get(shape + "/" + Target.B0);
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s | %s |%n",
              shape,
              ratio(ring, b2, RunResult::cpuSecondsPerMillion),
              ratioWithinRepetitions(ring, b2, RunResult::cpuSecondsPerMillion),
              ratio(ring, b0, RunResult::cpuSecondsPerMillion),
              ratio(ring, b2, RunResult::acceptedPerSecond),
              ratio(ring, b0, RunResult::acceptedPerSecond)));
    }
    return md.toString();
  }

  private String heap() {
    if (heaps.isEmpty()) {
      return "";
    }
    StringBuilder md = new StringBuilder("\n## Heap per buffered span (otelring)\n\n");
    md.append(
        "otelring with a batch processor that holds everything (send_batch_size 100000000,"
            + " timeout 1h), given N spans: (used heap after a full GC with them held − used heap"
            + " after a full GC before) ÷ N, read with `jcmd <pid> GC.run` and `GC.heap_info`.\n\n");
    md.append("| shape | spans held | heap B/span | wire B/span | heap ÷ wire |\n");
    md.append("|---|---:|---:|---:|---:|\n");
    for (HeapResult h : heaps) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %.0f | %.0f | %.1f |%n",
              h.shape(),
              h.spans(),
              h.heapBytesPerSpan(),
              h.wireBytesPerSpan(),
              h.timesWire()));
    }
    return md.toString();
  }

  private static String definitions() {
    return """

        ## What is measured

        - **the run**: each system is started, loaded at `--ramp-rate` for `--ramp` (when the
          load is faster than that), then at the load's own rate through the warm-up, then
          measured. Loaded at once as fast as it answers, a cold otelring could take in more than
          it sent while both sides compiled, and a queue built then sometimes outlasted the
          warm-up.
        - **spans/s accepted**: spans in requests the system answered with success during the
          measurement window, counted by the load generator, per second of the window.
        - **spans/s delivered**: spans the system passed on in the window: for otelring its
          `otelcol_exporter_sent_spans` (debug exporter) or what the sink received (otlp
          exporter); for B0 and B2, what they received (B0 counts by a walk of the protobuf wire
          format, B2 from the parsed messages). **delivered = accepted** checks the totals after
          the load stops and the system drains: every accepted span delivered, none twice.
        - **CPU-s per M spans**: user + system CPU time of the system's process from
          `/proc/<pid>/stat` over the window, per million accepted spans. **CPU (cores)** is that
          time over the window's length.
        - **RSS end / peak**: `VmRSS` of `/proc/<pid>/status` at the end of the measurement
          window, while the load still runs (the median over the runs), and `VmHWM` at the end
          of the run, start-up and warm-up included (the largest over the runs).
        - **request p50 / p99**: send to answer of each request, at the load generator.
        - **exporter queue at the end**: otelring's `otelcol_exporter_queue_size` at the end of
          the window — batches waiting for the sink. More than a few means the run was measured
          in a backlog: the sink, on the load generator's CPU, fell behind, and the queued
          batches cost otelring collection work (see "What a page costs on this machine").
        - **receipt→export p50 / p99**: only with `--exporter otlp`: one-span probe requests sent
          every `--probe-interval`; the time from sending a probe to the sink receiving it
          (otelring's receipt to export plus two loopback hops, one monotonic clock). With the
          debug exporter there is no sink, so it is not measured (—).
        """;
  }

  private Map<String, List<RunResult>> groups() {
    Map<String, List<RunResult>> groups = new LinkedHashMap<>();
    for (RunResult r : runs) {
      groups.computeIfAbsent(r.shape() + "/" + r.target(), k -> new ArrayList<>()).add(r);
    }
    return groups;
  }

  static double median(List<RunResult> runs, ToDoubleFunction<RunResult> value) {
    return medianOf(runs.stream().mapToDouble(value).filter(v -> !Double.isNaN(v)).toArray());
  }

  private static double medianOf(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  private static String ratio(
      List<RunResult> ring, List<RunResult> baseline, ToDoubleFunction<RunResult> value) {
    if (baseline == null) {
      return "—";
    }
    double r = median(ring, value) / median(baseline, value);
    return Double.isFinite(r) ? String.format(Locale.ROOT, "%.2f", r) : "—";
  }

  /** otelring ÷ baseline repetition by repetition: "median (first, second, …)". */
  private static String ratioWithinRepetitions(
      List<RunResult> ring, List<RunResult> baseline, ToDoubleFunction<RunResult> value) {
    if (baseline == null) {
      return "—";
    }
    List<Double> ratios = new ArrayList<>();
    for (RunResult run : ring) {
      baseline.stream()
          .filter(b -> b.repetition() == run.repetition())
          .findFirst()
          .map(b -> value.applyAsDouble(run) / value.applyAsDouble(b))
          .filter(Double::isFinite)
          .ifPresent(ratios::add);
    }
    if (ratios.isEmpty()) {
      return "—";
    }
    double median = medianOf(ratios.stream().mapToDouble(Double::doubleValue).toArray());
    StringBuilder each = new StringBuilder();
    for (double ratio : ratios) {
      each.append(each.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", ratio));
    }
    return String.format(Locale.ROOT, "%.2f (%s)", median, each);
  }

  private static String millis(double value) {
    return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%.2f", value);
  }

  private static String whole(double value) {
    return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%.0f", value);
  }

  private static String row(String key, String value) {
    return "| " + key + " | " + value + " |\n";
  }
}
