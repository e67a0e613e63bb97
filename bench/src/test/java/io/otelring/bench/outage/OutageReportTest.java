package io.otelring.bench.outage;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelring.bench.e2e.MachineInfo;
import io.otelring.bench.loadgen.LoadStats;
import io.otelring.bench.shape.SpanShape;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The "Backend outage" section from made-up numbers. */
class OutageReportTest {

  private static final OutageBenchmark.Settings SETTINGS =
      new OutageBenchmark.Settings(
          "java",
          List.of("-XX:+UseG1GC"),
          "0",
          SpanShape.OTELSPEC,
          20000,
          16,
          Duration.ofSeconds(60),
          Duration.ofSeconds(30),
          Duration.ofMinutes(5),
          1000,
          Duration.ofMinutes(5),
          "");

  private static final MachineInfo MACHINE =
      new MachineInfo("AMD EPYC", 2, 24105, "Linux 6", "OpenJDK 17", "1");

  private static OutageResult result(long accepted, long delivered, long givenUp) {
    return new OutageResult(
        "0.50 / 1.00 / 1.50",
        new LoadStats.Counts(
            100, 51200, accepted, 1024, 0, 0, 2, 2, 1024, givenUp > 0 ? 1 : 0, givenUp),
        90.2,
        131.1,
        266.8,
        30000,
        delivered,
        true,
        17.5,
        44.3,
        37.1,
        14.4,
        323,
        617L << 20,
        delivered,
        0,
        1024);
  }

  @Test
  void aRunThatDeliversEverythingMeetsTheTarget() {
    String md =
        OutageReport.markdown(result(51200, 51712, 0), SETTINGS, MACHINE, "bench/outage.sh");

    assertThat(md)
        .startsWith("## Backend outage\n")
        .contains("is down for 60 s while")
        .contains("```sh\nbench/outage.sh\n```")
        .contains("| load average at the start (1 / 5 / 15 min) | 0.50 / 1.00 / 1.50 |")
        .contains("at most 5 min")
        .contains("| spans accepted | 51,200 (568 spans/s) |")
        .contains("| spans refused (retryable answers) | 1,024 (2 answers) |")
        .contains("| spans retried by the client | 1,024 (2 requests) |")
        .contains("| duplicates (delivered − accepted) | 512 |")
        .contains("| **missing** (accepted − delivered) | 0 |")
        .contains("| backend start → queue drained (size 0) | 44.3 s |")
        .contains("| peak `otelcol_exporter_queue_size` | 323 of 1,000 batches |")
        .contains("| collector peak RSS | 617 MiB |")
        .contains("Target met")
        .contains("(512 duplicates: the queue is at-least-once).");
  }

  @Test
  void missingAndGivenUpSpansMissTheTarget() {
    String md = OutageReport.markdown(result(51200, 50000, 512), SETTINGS, MACHINE, "x");

    assertThat(md)
        .contains("| **missing** (accepted − delivered) | 1,200 |")
        .contains(
            "**Target missed**: 1,200 accepted spans were not delivered; 512 spans were given up"
                + " by the client.");
  }

  @Test
  void durationsReadAsProse() {
    assertThat(OutageReport.prose(Duration.ofSeconds(60))).isEqualTo("60 s");
    assertThat(OutageReport.prose(Duration.ofMillis(1500))).isEqualTo("1.5 s");
    assertThat(OutageReport.prose(Duration.ofMinutes(5))).isEqualTo("5 min");
  }
}
