package io.otelring.bench.outage;

import io.otelring.bench.baseline.Baseline;
import io.otelring.bench.baseline.BaselineServer;
import io.otelring.bench.e2e.MachineInfo;
import io.otelring.bench.e2e.ReportFile;
import io.otelring.bench.e2e.SutProcess;
import io.otelring.bench.loadgen.Endpoint;
import io.otelring.bench.loadgen.LoadOptions;
import io.otelring.bench.loadgen.LoadRun;
import io.otelring.bench.loadgen.Protocol;
import io.otelring.bench.loadgen.RetryPolicy;
import io.otelring.bench.loadgen.Sender;
import io.otelring.bench.shape.PayloadPool;
import io.otelring.bench.shape.SpanShape;
import io.otelring.core.component.Signal;
import io.otelring.core.config.GoDuration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code outage}, run by {@code bench/outage.sh} (issue 4): the backend is down while a client
 * sends a steady load through {@code otlp/tempo} with a persistent queue; then it comes up. Counts
 * what the client sent, had accepted, refused, retried and gave up, and what the backend finally
 * received, and writes the "Backend outage" section of {@code BENCHMARKS.md}.
 */
@Command(
    name = "outage",
    mixinStandardHelpOptions = true,
    description = "Runs the backend-outage benchmark and writes its section of BENCHMARKS.md.")
public final class OutageBenchmark implements Callable<Integer> {

  @Option(
      names = "--rate",
      defaultValue = "20000",
      description = "spans/s (default: ${DEFAULT-VALUE})")
  double rate;

  @Option(
      names = "--shape",
      defaultValue = "otelspec",
      description = "span shape (default: ${DEFAULT-VALUE})")
  String shape;

  // A durable pipeline answers once the batch is on disk, ~200 ms (the batch timeout) later, and
  // each worker has one request in flight: 16 keep 20,000 otelspec spans/s (39 requests/s) going.
  @Option(names = "--workers", defaultValue = "16", description = "load generator workers")
  int workers;

  @Option(names = "--outage", defaultValue = "60s", description = "how long the backend is down")
  String outage;

  @Option(names = "--after", defaultValue = "30s", description = "load after the backend is up")
  String after;

  @Option(names = "--drain-timeout", defaultValue = "5m", description = "wait for delivery at most")
  String drainTimeout;

  @Option(names = "--queue-size", defaultValue = "1000", description = "sending_queue::queue_size")
  int queueSize;

  @Option(names = "--retry-max-elapsed", defaultValue = "5m", description = "client's deadline")
  String retryMaxElapsed;

  @Option(
      names = "--jvm-options",
      defaultValue =
          "-XX:+UseG1GC -Xms16m -XX:G1HeapRegionSize=1m -XX:TrimNativeHeapInterval=5000"
              + " -XX:MaxRAMPercentage=50",
      description = "the collector's JVM options")
  String jvmOptions;

  @Option(names = "--sut-cpu", defaultValue = "0", description = "taskset CPU list; '' = none")
  String sutCpu;

  @Option(names = "--otelring-jar", defaultValue = "collector/target/otelring.jar")
  Path otelringJar;

  @Option(names = "--work-dir", defaultValue = "bench/target/outage", description = "config, log")
  Path workDir;

  @Option(names = "--out", defaultValue = "BENCHMARKS.md", description = "the report; '' = none")
  String out;

  @Option(names = "--label", defaultValue = "", description = "a note at the top of the section")
  String label;

  /** The run's parameters, parsed. */
  record Settings(
      String java,
      List<String> jvmOptions,
      String sutCpu,
      SpanShape shape,
      double rate,
      int workers,
      Duration outage,
      Duration after,
      Duration drainTimeout,
      int queueSize,
      Duration retryMaxElapsed,
      String label) {}

  @Override
  public Integer call() throws Exception {
    Settings settings = settings();
    Files.createDirectories(workDir);
    Path storage = Files.createTempDirectory("otelring-outage-queue");
    OutageResult result;
    try {
      result = run(settings, storage);
    } finally {
      deleteTree(storage);
    }
    String command = command();
    String section = OutageReport.markdown(result, settings, MachineInfo.read(), command);
    System.out.println();
    System.out.print(section);
    if (!out.isBlank()) {
      ReportFile.writeSection(Path.of(out), OutageReport.SECTION, section);
      System.out.println("wrote the \"Backend outage\" section of " + out);
    }
    return result.targetMet() ? 0 : 1;
  }

  private OutageResult run(Settings s, Path storage) throws Exception {
    String loadAverage = loadAverage();
    int backendPort = SutProcess.freePort();
    PayloadPool pool =
        PayloadPool.build(Signal.TRACES, s.shape(), s.shape().spansPerRequest(), 16, false, 1);
    try (OutageCollector collector =
        OutageCollector.start(
            s.java(),
            s.jvmOptions(),
            s.sutCpu(),
            otelringJar,
            workDir,
            storage,
            backendPort,
            s.queueSize())) {
      LoadOptions options = load(s, collector.otlpPort());
      BaselineServer sink = null;
      try (Sender sender = options.sender()) {
        LoadRun run = new LoadRun(options, pool, sender);
        long loadStart = System.nanoTime();
        run.start();
        try (OutageWatch watch = new OutageWatch(collector, run.stats())) {
          TimeUnit.NANOSECONDS.sleep(s.outage().toNanos());
          // The backend comes up on the port the exporter has been trying all along.
          sink = BaselineServer.start(Baseline.B0, "127.0.0.1", backendPort, null);
          watch.sinkStarted(sink);
          System.out.println("backend up on 127.0.0.1:" + backendPort);
          TimeUnit.NANOSECONDS.sleep(s.after().toNanos());
          // No new requests; those still being retried finish (accepted or given up).
          run.stop();
          long loadStop = System.nanoTime();
          double loadSeconds = (loadStop - loadStart) / 1e9;
          long accepted = run.stats().counts().acceptedItems();
          System.out.println("load stopped; waiting for " + accepted + " spans at the backend");
          boolean drained = awaitDelivery(sink, watch, accepted, s.drainTimeout());
          double allDelivered =
              drained || delivered(sink) >= accepted
                  ? (System.nanoTime() - loadStop) / 1e9
                  : Double.NaN;
          // Duplicates can still be on their way: wait until the backend's count stays put.
          awaitQuiet(sink);
          String metrics = collector.metrics();
          Histogram latencies = run.stats().takeLatencies();
          return new OutageResult(
              loadAverage,
              run.stats().counts(),
              loadSeconds,
              latencies.getValueAtPercentile(50) / 1000.0,
              latencies.getValueAtPercentile(99) / 1000.0,
              watch.acceptedAtSinkStart(),
              delivered(sink),
              drained,
              watch.firstDeliverySeconds(),
              watch.queueEmptySeconds(),
              watch.backlogDeliveredSeconds(),
              allDelivered,
              watch.peakQueueSize(),
              collector.peakRssBytes(),
              OutageCollector.value(metrics, "otelcol_exporter_sent_spans_total"),
              OutageCollector.value(metrics, "otelcol_exporter_send_failed_spans_total"),
              OutageCollector.value(metrics, "otelcol_exporter_enqueue_failed_spans_total"));
        }
      } finally {
        if (sink != null) {
          sink.close();
        }
      }
    }
  }

  /** Waits until the backend has {@code accepted} spans and the queue is empty. */
  private static boolean awaitDelivery(
      BaselineServer sink, OutageWatch watch, long accepted, Duration timeout)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() - end < 0) {
      if (delivered(sink) >= accepted && watch.queueSize() == 0) {
        return true;
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
    return false;
  }

  /** Waits (at most 30 s) until the backend's count has not moved for two seconds. */
  private static void awaitQuiet(BaselineServer sink) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    long last = delivered(sink);
    while (System.nanoTime() - end < 0) {
      TimeUnit.SECONDS.sleep(2);
      long now = delivered(sink);
      if (now == last) {
        return;
      }
      last = now;
    }
  }

  private static long delivered(BaselineServer sink) {
    return sink.counts().items(Signal.TRACES);
  }

  private static LoadOptions load(Settings s, int port) {
    return new LoadOptions(
        Signal.TRACES,
        Protocol.GRPC,
        new Endpoint("127.0.0.1", port, false),
        Map.of(),
        s.workers(),
        s.rate(),
        null,
        0,
        s.shape().spansPerRequest(),
        s.shape(),
        false,
        16,
        Duration.ofSeconds(10),
        RetryPolicy.until(s.retryMaxElapsed()));
  }

  Settings settings() {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (rate <= 0) {
      throw new IllegalArgumentException("--rate must be positive: the load is steady");
    }
    return new Settings(
        java,
        Arrays.stream(jvmOptions.trim().split("\\s+")).filter(o -> !o.isEmpty()).toList(),
        sutCpu,
        SpanShape.of(shape),
        rate,
        workers,
        GoDuration.parse(outage),
        GoDuration.parse(after),
        GoDuration.parse(drainTimeout),
        queueSize,
        GoDuration.parse(retryMaxElapsed),
        label);
  }

  /** The command as the user typed it (outage.sh passes it on), else as this process sees it. */
  private static String command() {
    String fromScript = System.getenv("OTELRING_BENCH_COMMAND");
    if (fromScript != null && !fromScript.isBlank()) {
      return fromScript;
    }
    return ProcessHandle.current().info().commandLine().orElse("(unknown)");
  }

  /** The 1-, 5- and 15-minute load averages, or "unknown" off Linux. */
  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " / " + fields[1] + " / " + fields[2];
    } catch (java.io.IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static void deleteTree(Path root) throws java.io.IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
