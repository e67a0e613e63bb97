package io.otelring.bench.e2e;

import io.otelring.bench.e2e.SutLauncher.Sut;
import io.otelring.bench.loadgen.Endpoint;
import io.otelring.bench.loadgen.LoadOptions;
import io.otelring.bench.loadgen.LoadRun;
import io.otelring.bench.loadgen.LoadStats;
import io.otelring.bench.loadgen.Protocol;
import io.otelring.bench.loadgen.RetryPolicy;
import io.otelring.bench.loadgen.Sender;
import io.otelring.bench.shape.PayloadPool;
import io.otelring.bench.shape.SpanShape;
import io.otelring.core.component.Signal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Runs one system with one shape: start it pinned, load it at the ramp's pace and then through the
 * warm-up, measure over the window (its CPU time from /proc, what it accepted and delivered,
 * latencies), stop the load, wait for it to deliver what it accepted, read its peak RSS, stop it.
 * Also the heap run: otelring holding a known number of spans in its batch buffer.
 */
final class Measurement {

  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

  private final EndToEndBenchmark.Settings settings;
  private final SutLauncher launcher;
  private final Probes probes;

  Measurement(EndToEndBenchmark.Settings settings, SutLauncher launcher, Probes probes) {
    this.settings = settings;
    this.launcher = launcher;
    this.probes = probes;
  }

  RunResult run(Target target, SpanShape shape, PayloadPool pool, int repetition) throws Exception {
    String name = shape.cliName() + "-" + target.cliName() + "-" + repetition;
    try (Sut sut = launcher.start(target, name, false);
        Sender sender = load(sut, shape, 0).sender()) {
      long rampSpans = ramp(sut, shape, pool, sender);
      LoadRun run = new LoadRun(load(sut, shape, 0), pool, sender);
      boolean probing =
          target == Target.OTELRING && settings.exporter() == SutLauncher.Exporter.OTLP;
      run.start();
      // A first read sets up what reads the count (a baseline's HTTP client) outside the window.
      sut.delivered().read();
      if (probing) {
        probes.start(sut.port(), settings.probeInterval());
      }
      TimeUnit.NANOSECONDS.sleep(settings.warmup().toNanos());
      WindowSnapshot start = snapshot(sut, run.stats());
      run.stats().takeLatencies();
      probes.take();
      TimeUnit.NANOSECONDS.sleep(settings.measure().toNanos());
      WindowSnapshot end = snapshot(sut, run.stats());
      long rss = ProcStats.rssBytes(sut.process().pid());
      double queued = sut.queued().read();
      Histogram requests = run.stats().takeLatencies();
      Histogram exports = probes.take();
      run.stop();
      long probeSpans = probing ? probes.stop() : 0;
      boolean matches = drained(sut, rampSpans + run.stats().counts().acceptedItems() + probeSpans);
      long peakRss = ProcStats.peakRssBytes(sut.process().pid());

      double seconds = (end.nanos() - start.nanos()) / 1e9;
      LoadStats.Counts window = end.counts().minus(start.counts());
      double cpu = end.cpuSeconds() - start.cpuSeconds();
      return new RunResult(
          target,
          shape.cliName(),
          repetition,
          seconds,
          window.acceptedItems() / seconds,
          (end.delivered() - start.delivered()) / seconds,
          window.acceptedItems() == 0 ? Double.NaN : cpu / window.acceptedItems() * 1e6,
          cpu / seconds,
          rss,
          peakRss,
          percentileMillis(requests, 50),
          percentileMillis(requests, 99),
          probing ? percentileMillis(exports, 50) : Double.NaN,
          probing ? percentileMillis(exports, 99) : Double.NaN,
          window.refusedItems(),
          window.failedRequests(),
          queued,
          matches);
    }
  }

  /** Loads the system at the ramp's rate for the ramp's length; the spans it accepted. */
  private long ramp(Sut sut, SpanShape shape, PayloadPool pool, Sender sender) throws Exception {
    if (!settings.ramps()) {
      return 0;
    }
    LoadRun ramp =
        new LoadRun(load(sut, shape, 0, settings.rampRate(), settings.ramp()), pool, sender);
    ramp.start();
    if (!ramp.await(settings.ramp().toSeconds() + 30, TimeUnit.SECONDS)) {
      ramp.stop();
    }
    return ramp.stats().counts().acceptedItems();
  }

  /** Heap per buffered span of otelring for a shape; see {@link HeapProbe}. */
  HeapResult heap(SpanShape shape, PayloadPool pool) throws Exception {
    String name = shape.cliName() + "-otelring-heap";
    try (Sut sut = launcher.start(Target.OTELRING, name, true)) {
      long pid = sut.process().pid();
      LoadOptions options = load(sut, shape, settings.heapSpans());
      // "Before" is the started, idle collector; the difference is what the held spans cost.
      long before;
      try (Sender sender = options.sender()) {
        LoadRun run = new LoadRun(options, pool, sender);
        before = HeapProbe.usedAfterGc(pid);
        run.start();
        run.await(10, TimeUnit.MINUTES);
        long held = run.stats().counts().acceptedItems();
        // The ring hands each request to the batch processor within milliseconds.
        TimeUnit.MILLISECONDS.sleep(500);
        long after = HeapProbe.usedAfterGc(pid);
        return new HeapResult(
            shape.cliName(), held, (after - before) / (double) held, pool.bytesPerItem());
      }
    }
  }

  private LoadOptions load(Sut sut, SpanShape shape, long count) {
    return load(sut, shape, count, count > 0 ? 0 : settings.rate(), null);
  }

  private LoadOptions load(Sut sut, SpanShape shape, long count, double rate, Duration duration) {
    return new LoadOptions(
        Signal.TRACES,
        Protocol.GRPC,
        new Endpoint("127.0.0.1", sut.port(), false),
        Map.of(),
        count > 0 ? 1 : settings.workers(),
        rate,
        duration,
        count,
        shape.spansPerRequest(),
        shape,
        false,
        settings.pool(),
        Duration.ofSeconds(10),
        RetryPolicy.OFF);
  }

  /** Waits until the system has delivered {@code accepted} spans; false if it does not in time. */
  private static boolean drained(Sut sut, long accepted) throws Exception {
    long end = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
    long delivered = sut.delivered().read();
    while (delivered < accepted && System.nanoTime() < end) {
      TimeUnit.MILLISECONDS.sleep(100);
      delivered = sut.delivered().read();
    }
    return delivered == accepted;
  }

  private static WindowSnapshot snapshot(Sut sut, LoadStats stats) throws Exception {
    return WindowSnapshot.take(sut.delivered(), sut.process().pid(), stats);
  }

  private static double percentileMillis(Histogram histogram, double percentile) {
    return histogram.getTotalCount() == 0
        ? Double.NaN
        : histogram.getValueAtPercentile(percentile) / 1000.0;
  }
}
