package io.otelring.bench.outage;

import io.otelring.bench.e2e.MachineInfo;
import io.otelring.bench.e2e.SutProcess;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** The "Backend outage" section of {@code BENCHMARKS.md}: the setup and one run's numbers. */
final class OutageReport {

  /** The name of the section's begin/end comments in {@code BENCHMARKS.md}. */
  static final String SECTION = "outage";

  private OutageReport() {}

  static String markdown(
      OutageResult r, OutageBenchmark.Settings s, MachineInfo machine, String command) {
    StringBuilder md = new StringBuilder("## Backend outage\n\n");
    if (!s.label().isBlank()) {
      md.append("> **").append(s.label()).append("**\n\n");
    }
    md.append(
        String.format(
            Locale.ROOT,
            "Issue 4: the backend (Tempo's place, taken by the B0 sink) is down for %s while a"
                + " client sends a steady load through `otlp/tempo` with a persistent queue. Run %s"
                + " with:%n%n",
            prose(s.outage()),
            Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    md.append("```sh\n").append(command).append("\n```\n\n");
    md.append("| | |\n|---|---|\n");
    row(md, "CPU", machine.cpu() + " — " + machine.cpus() + " CPUs");
    row(md, "memory", machine.memoryMib() + " MiB");
    row(md, "OS", machine.kernel());
    row(md, "JVM", machine.jvm());
    row(md, "load average at the start (1 / 5 / 15 min)", r.loadAverage());
    row(md, "collector JVM options", "`" + String.join(" ", s.jvmOptions()) + "`");
    row(md, "collector environment", "`" + SutProcess.environmentNote() + "`");
    row(
        md,
        "pinning",
        s.sutCpu().isBlank()
            ? "none"
            : "collector `taskset -c "
                + s.sutCpu()
                + "`; load generator and sink on CPU(s) "
                + machine.ownCpus());
    row(
        md,
        "pipeline",
        "otlp receiver (gRPC) → batch (defaults) → `otlp/tempo` exporter (Go defaults: 10"
            + " consumers, retry_on_failure 5 s → 30 s for at most 5 m) with `sending_queue:"
            + " {storage: file_storage, queue_size: "
            + s.queueSize()
            + "}`; `file_storage` (fsync on) in a temporary directory");
    row(
        md,
        "load",
        String.format(
            Locale.ROOT,
            "`%s` spans offered at %,.0f spans/s by %d workers over OTLP/gRPC, `loadgen --retry` (a"
                + " refused request is sent again until accepted, for at most %s)",
            s.shape().cliName(),
            s.rate(),
            s.workers(),
            prose(s.retryMaxElapsed())));
    row(
        md,
        "timeline",
        String.format(
            Locale.ROOT,
            "load starts with nothing on the backend's port; the sink starts after %s; the load"
                + " goes on %s more (%.1f s in all), then stops; then at most %s to drain",
            prose(s.outage()),
            prose(s.after()),
            r.loadSeconds(),
            prose(s.drainTimeout())));
    md.append("\n| measure | value |\n|---|---:|\n");
    var load = r.load();
    count(md, "spans sent (first attempts)", load.sentItems(), load.requests() + " requests");
    count(
        md,
        "spans accepted",
        load.acceptedItems(),
        String.format(Locale.ROOT, "%,.0f spans/s", load.acceptedItems() / r.loadSeconds()));
    count(
        md,
        "spans refused (retryable answers)",
        load.refusedItems(),
        load.refusedRequests() + " answers");
    count(
        md,
        "spans retried by the client",
        load.retriedItems(),
        load.retriedRequests() + " requests");
    count(
        md,
        "spans given up by the client",
        load.givenUpItems(),
        load.givenUpRequests() + " requests");
    count(md, "spans delivered to the backend", r.delivered(), "");
    count(md, "duplicates (delivered − accepted)", r.duplicates(), "");
    count(md, "**missing** (accepted − delivered)", r.missing(), "");
    count(md, "spans accepted when the backend came up", r.acceptedAtSinkStart(), "");
    seconds(md, "backend start → first span delivered", r.firstDeliverySeconds());
    seconds(md, "backend start → queue drained (size 0)", r.queueEmptySeconds());
    seconds(md, "backend start → outage backlog delivered", r.backlogDeliveredSeconds());
    seconds(md, "load stop → every accepted span delivered", r.allDeliveredSeconds());
    md.append(
        String.format(
            Locale.ROOT,
            "| request p50 / p99 (send to answer) | %.1f / %.1f ms |%n",
            r.requestP50Millis(),
            r.requestP99Millis()));
    md.append(
        String.format(
            Locale.ROOT,
            "| peak `otelcol_exporter_queue_size` | %,d of %,d batches |%n",
            r.peakQueueSize(),
            s.queueSize()));
    md.append(
        String.format(
            Locale.ROOT, "| collector peak RSS | %.0f MiB |%n", r.peakRssBytes() / 1048576.0));
    md.append(
        String.format(
            Locale.ROOT,
            "| collector's sent / send failed / enqueue failed spans | %,d / %,d / %,d |%n",
            r.exporterSent(),
            r.exporterSendFailed(),
            r.exporterEnqueueFailed()));
    md.append('\n');
    md.append(
        r.targetMet()
            ? "Target met: every accepted span was delivered and the client gave nothing up"
            : "**Target missed**: "
                + (r.missing() > 0
                    ? String.format(
                        Locale.ROOT, "%,d accepted spans were not delivered", r.missing())
                    : "")
                + (r.missing() > 0 && load.givenUpItems() > 0 ? "; " : "")
                + (load.givenUpItems() > 0
                    ? String.format(
                        Locale.ROOT, "%,d spans were given up by the client", load.givenUpItems())
                    : ""));
    md.append(
        r.duplicates() > 0
            ? String.format(
                Locale.ROOT, " (%,d duplicates: the queue is at-least-once).%n", r.duplicates())
            : ".\n");
    md.append(
        """

        `backend start → first span delivered` includes the exporter's retry backoff (its workers
        wait up to 30 s ± 50 % between attempts at the end of a long outage) and gRPC's reconnect
        backoff. Sent, accepted, refused, retried and given up are the load generator's counts;
        delivered is what the sink received; the queue size is sampled every 250 ms from the
        collector's Prometheus endpoint.
        """);
    return md.toString();
  }

  /** A duration for a sentence: "60 s", "1.5 s", "5 min". */
  static String prose(Duration d) {
    if (d.toMillis() >= 120_000 && d.toMillis() % 60_000 == 0) {
      return d.toMinutes() + " min";
    }
    return new java.math.BigDecimal(d.toMillis())
            .movePointLeft(3)
            .stripTrailingZeros()
            .toPlainString()
        + " s";
  }

  private static void row(StringBuilder md, String key, String value) {
    md.append("| ").append(key).append(" | ").append(value).append(" |\n");
  }

  private static void count(StringBuilder md, String key, long spans, String note) {
    md.append(
        String.format(
            Locale.ROOT, "| %s | %,d%s |%n", key, spans, note.isEmpty() ? "" : " (" + note + ")"));
  }

  private static void seconds(StringBuilder md, String key, double value) {
    md.append(
        String.format(
            Locale.ROOT,
            "| %s | %s |%n",
            key,
            Double.isNaN(value) ? "not reached" : String.format(Locale.ROOT, "%.1f s", value)));
  }
}
