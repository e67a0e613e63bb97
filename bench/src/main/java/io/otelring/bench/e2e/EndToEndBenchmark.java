package io.otelring.bench.e2e;

import io.otelring.bench.baseline.Baseline;
import io.otelring.bench.baseline.BaselineServer;
import io.otelring.bench.shape.PayloadPool;
import io.otelring.bench.shape.SpanShape;
import io.otelring.core.component.Signal;
import io.otelring.core.config.GoDuration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code e2e}, run by {@code bench/run.sh}: for each shape, B0, B2 and otelring side by side,
 * interleaved and repeated, each pinned to one CPU while the load generator (this process) runs on
 * another. Writes {@code BENCHMARKS.md} and a PNG chart.
 */
@Command(
    name = "e2e",
    mixinStandardHelpOptions = true,
    description = "Runs the end-to-end benchmark and writes BENCHMARKS.md and a chart.")
public final class EndToEndBenchmark implements Callable<Integer> {

  @Option(names = "--shapes", defaultValue = "testbed,otelspec,large,genai", split = ",")
  List<String> shapes;

  @Option(names = "--targets", defaultValue = "b0,b2,otelring", split = ",")
  List<String> targets;

  @Option(names = "--repeat", defaultValue = "3", description = "runs of each system and shape")
  int repeat;

  // After a cold start otelring took 30–40 s at full load to reach its full rate on the benchmark
  // machine (the JIT compiling on the one pinned core). Eight runs with 30 s of warm-up carried
  // 277k–681k otelspec spans/s, three with 60 s 707k–762k (BENCHMARKS.md, "What a page costs").
  @Option(names = "--warmup", defaultValue = "60s", description = "load before measuring")
  String warmup;

  @Option(names = "--measure", defaultValue = "60s", description = "the measurement window")
  String measure;

  // A system started cold and loaded at once as fast as it answers can take in more than it sends
  // while both sides compile; otelring then queues, G1 grows the heap for the backlog, and on the
  // benchmark machine (where new memory is dear) some runs never left that state within the
  // minute. With a short paced start no by-hand run queued at the start (BENCHMARKS.md, "What a
  // page costs on this machine").
  @Option(
      names = "--ramp",
      defaultValue = "10s",
      description = "load at --ramp-rate before the warm-up; 0s = none")
  String ramp;

  @Option(names = "--ramp-rate", defaultValue = "50000", description = "spans/s of the ramp")
  double rampRate;

  // Each worker keeps one request in flight. With four, otelring's core was 76 % busy on a slow
  // day of the benchmark machine (it waited on the load generator and the sink, which share the
  // other CPU), and 91 % with eight: 489k against 717k otelspec spans/s (BENCHMARKS.md).
  @Option(names = "--workers", defaultValue = "8", description = "load generator workers")
  int workers;

  @Option(names = "--rate", defaultValue = "0", description = "spans/s; 0 = as fast as possible")
  double rate;

  @Option(names = "--pool", defaultValue = "16", description = "distinct requests replayed")
  int pool;

  @Option(names = "--heap-spans", defaultValue = "20000", description = "spans held; 0 = skip")
  long heapSpans;

  @Option(names = "--sut-cpu", defaultValue = "0", description = "taskset CPU list; '' = none")
  String sutCpu;

  @Option(
      names = "--exporter",
      defaultValue = "debug",
      description = "otelring's exporter: debug (output discarded) or otlp (to a B0 sink)")
  String exporter;

  @Option(names = "--export-compression", defaultValue = "none", description = "otlp exporter's")
  String exportCompression;

  @Option(names = "--probe-interval", defaultValue = "100ms")
  String probeInterval;

  @Option(
      names = "--jvm-options",
      defaultValue =
          "-XX:+UseG1GC -Xms16m -XX:G1HeapRegionSize=1m -XX:TrimNativeHeapInterval=5000"
              + " -XX:MaxRAMPercentage=50",
      description = "JVM options of every system under test (the launcher's)")
  String jvmOptions;

  @Option(names = "--otelring-jar", defaultValue = "collector/target/otelring.jar")
  Path otelringJar;

  @Option(names = "--bench-jar", defaultValue = "bench/target/otelring-bench.jar")
  Path benchJar;

  @Option(names = "--out", defaultValue = "BENCHMARKS.md", description = "the report")
  Path out;

  @Option(names = "--chart", defaultValue = "bench/results/benchmarks.png")
  Path chart;

  @Option(names = "--work-dir", defaultValue = "bench/target/e2e", description = "configs, logs")
  Path workDir;

  @Option(names = "--label", defaultValue = "", description = "a note at the top of the report")
  String label;

  /** Everything a run needs to know, parsed. */
  record Settings(
      String java,
      List<String> jvmOptions,
      String sutCpu,
      Path otelringJar,
      Path benchJar,
      Path workDir,
      SutLauncher.Exporter exporter,
      String exportCompression,
      Duration ramp,
      double rampRate,
      Duration warmup,
      Duration measure,
      Duration probeInterval,
      int workers,
      double rate,
      int pool,
      long heapSpans) {

    /** Whether runs start with the ramp: only when the load itself would be faster. */
    boolean ramps() {
      return !ramp.isZero() && (rate == 0 || rate > rampRate);
    }
  }

  @Override
  public Integer call() throws Exception {
    System.setProperty("java.awt.headless", "true");
    Settings settings = settings();
    Files.createDirectories(settings.workDir());
    List<SpanShape> shapeList = shapes.stream().map(SpanShape::of).toList();
    List<Target> targetList = targets.stream().map(Target::of).toList();
    Map<SpanShape, PayloadPool> pools = new EnumMap<>(SpanShape.class);
    for (SpanShape shape : shapeList) {
      pools.put(
          shape, PayloadPool.build(Signal.TRACES, shape, shape.spansPerRequest(), pool, false, 1));
    }
    Probes probes = new Probes();
    // The sink runs on grpc-java's shared event loop, in practice the one thread that also sends
    // the load: it cannot fall far behind the load generator. On a loop of its own it fell behind
    // in two runs of three (otelring then measured buffering a backlog); with the load generator's
    // threads also lowered to nice 10 it kept up but otelring carried less (BENCHMARKS.md, "A
    // sink of its own").
    BaselineServer sink =
        settings.exporter() == SutLauncher.Exporter.OTLP
            ? BaselineServer.start(Baseline.B0, "127.0.0.1", 0, probes)
            : null;
    List<RunResult> runs = new ArrayList<>();
    List<HeapResult> heaps = new ArrayList<>();
    try {
      Measurement measurement = new Measurement(settings, new SutLauncher(settings, sink), probes);
      for (int repetition = 1; repetition <= repeat; repetition++) {
        for (SpanShape shape : shapeList) {
          for (Target target : targetList) {
            RunResult result = measurement.run(target, shape, pools.get(shape), repetition);
            runs.add(result);
            System.out.println(Report.progressLine(result));
          }
        }
      }
      if (heapSpans > 0 && targetList.contains(Target.OTELRING)) {
        for (SpanShape shape : shapeList) {
          HeapResult heap = measurement.heap(shape, pools.get(shape));
          heaps.add(heap);
          System.out.printf(
              Locale.ROOT,
              "heap %s: %.0f B/span held (%.1f x wire)%n",
              shape.cliName(),
              heap.heapBytesPerSpan(),
              heap.timesWire());
        }
      }
    } finally {
      if (sink != null) {
        sink.close();
      }
    }
    Report report =
        new Report(runs, heaps, MachineInfo.read(), settings, command(), label, repeat, out, chart);
    ReportFile.writeKeepingSections(out, report.markdown());
    Chart.write(runs, chart);
    System.out.println("wrote " + out + " and " + chart);
    return 0;
  }

  Settings settings() {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    return new Settings(
        java,
        Arrays.stream(jvmOptions.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList(),
        sutCpu,
        otelringJar,
        benchJar,
        workDir,
        SutLauncher.Exporter.valueOf(exporter.trim().toUpperCase(Locale.ROOT)),
        exportCompression,
        GoDuration.parse(ramp),
        rampRate,
        GoDuration.parse(warmup),
        GoDuration.parse(measure),
        GoDuration.parse(probeInterval),
        workers,
        rate,
        pool,
        heapSpans);
  }

  /** The command as the user typed it (run.sh passes it on), else as this process sees it. */
  private static String command() {
    String fromScript = System.getenv("OTELRING_BENCH_COMMAND");
    if (fromScript != null && !fromScript.isBlank()) {
      return fromScript;
    }
    return ProcessHandle.current().info().commandLine().orElse("(unknown)");
  }
}
