package io.otelring.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report and the chart from made-up runs. */
class ReportTest {

  @TempDir Path dir;

  private static RunResult run(Target target, int repetition, double rate, double cpu) {
    return new RunResult(
        target,
        "otelspec",
        repetition,
        60,
        rate,
        rate,
        cpu,
        0.9,
        150L << 20,
        200L << 20,
        1.5,
        4.0,
        Double.NaN,
        Double.NaN,
        0,
        0,
        target == Target.OTELRING ? repetition * 10 : Double.NaN,
        true);
  }

  private Report report(List<RunResult> runs, EndToEndBenchmark.Settings settings) {
    return new Report(
        runs,
        List.of(new HeapResult("otelspec", 20480, 4720, 590)),
        new MachineInfo("Some CPU", 2, 24000, "Linux 6", "OpenJDK 17", "1"),
        settings,
        "bench/run.sh --repeat 3",
        "Smoke run on a busy machine",
        3,
        dir.resolve("BENCHMARKS.md"),
        dir.resolve("bench/results/benchmarks.png"));
  }

  private EndToEndBenchmark.Settings settings(double rate, Duration ramp) {
    return new EndToEndBenchmark.Settings(
        "java",
        List.of("-XX:+UseG1GC"),
        "0",
        Path.of("a.jar"),
        Path.of("b.jar"),
        dir,
        SutLauncher.Exporter.DEBUG,
        "none",
        ramp,
        50_000,
        Duration.ofSeconds(30),
        Duration.ofSeconds(60),
        Duration.ofMillis(100),
        4,
        rate,
        16,
        20000);
  }

  @Test
  void tablesHoldMediansRatiosHeapAndEveryRun() throws Exception {
    List<RunResult> runs = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      runs.add(run(Target.B0, i, 1_000_000 + i, 1.0));
      runs.add(run(Target.B2, i, 400_000, 4.0 + i));
      runs.add(run(Target.OTELRING, i, 200_000, 10.0));
    }
    EndToEndBenchmark.Settings settings = settings(0, Duration.ofSeconds(10));
    Report report = report(runs, settings);

    String md = report.markdown();

    assertThat(md)
        .contains("> **Smoke run on a busy machine**")
        .contains("bench/run.sh --repeat 3")
        .contains("| otelspec | B0 | 1,000,002 | 1,000,002 | yes | 1.00 |")
        .contains("| otelspec | B2 | 400,000 | 400,000 | yes | 6.00 |")
        .contains(
            "| otelspec | otelring | 200,000 | 200,000 | yes | 10.00 | 0.90 | 150 / 200 | 1.50 / 4.00 | — / — |")
        // CPU ÷ B2 (medians; within each repetition), ÷ B0, throughput ÷ B2, ÷ B0
        .contains("| otelspec | 1.67 | 1.67 (2.00, 1.67, 1.43) | 10.00 | 0.50 | 0.20 |")
        .contains("| otelspec | 20,480 | 4720 | 590 | 8.0 |")
        .contains("debug exporter (basic verbosity, output discarded)")
        .contains("system under test `taskset -c 0`; load generator (and sink) on CPU(s) 1")
        .contains(
            "| library properties of each system | `io.netty.jfr.enabled=false"
                + " io.netty.leakDetection.level=disabled` (the collector's defaults;")
        .contains(
            "3 per system and shape, interleaved; 10s at 50,000 spans/s, then 30s warm-up,"
                + " 1m0s measured")
        .contains("![throughput and CPU per span by shape](bench/results/benchmarks.png)");
    assertThat(md.lines().filter(line -> line.startsWith("| 2 | otelspec |"))).hasSize(3);
    // Every run: the exporter's queue at the window's end, none for the baselines.
    assertThat(md)
        .contains(
            "| 2 | otelspec | otelring | 60.0 | 200,000 | 200,000 | 10.00 | 0.90 | 150 / 200 | 1.50 / 4.00 | 20 |")
        .contains(
            "| 2 | otelspec | B2 | 60.0 | 400,000 | 400,000 | 6.00 | 0.90 | 150 / 200 | 1.50 / 4.00 | — |");
    assertThat(Report.progressLine(runs.get(5))).endsWith("queue 20");
    assertThat(Report.progressLine(runs.get(4))).doesNotContain("queue");
  }

  @Test
  void aLoadNoFasterThanTheRampHasNone() {
    List<RunResult> runs = List.of(run(Target.OTELRING, 1, 10_000, 5.0));

    assertThat(report(runs, settings(10_000, Duration.ofSeconds(10))).markdown())
        .contains("3 per system and shape, interleaved; 30s warm-up, 1m0s measured");
    assertThat(report(runs, settings(0, Duration.ZERO)).markdown())
        .contains("3 per system and shape, interleaved; 30s warm-up, 1m0s measured");
    assertThat(report(runs, settings(100_000, Duration.ofSeconds(10))).markdown())
        .contains("interleaved; 10s at 50,000 spans/s, then 30s warm-up, 1m0s measured");
  }

  @Test
  void theChartIsAPngWithBothPanels() throws Exception {
    System.setProperty("java.awt.headless", "true");
    Path png = dir.resolve("results/chart.png");

    Chart.write(List.of(run(Target.B0, 1, 500_000, 1), run(Target.OTELRING, 1, 300_000, 3)), png);

    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(1280);
    assertThat(Files.size(png)).isGreaterThan(5_000);
  }
}
