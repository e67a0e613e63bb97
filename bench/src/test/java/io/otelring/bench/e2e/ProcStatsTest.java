package io.otelring.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Parsing what /proc, Prometheus and jcmd print. */
class ProcStatsTest {

  @Test
  void cpuTicksAreUtimePlusStimeEvenWhenTheNameHasSpacesAndParentheses() {
    String stat =
        "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 1234 0 0 0 350 75 0 0 20 0 40 0 100 0 0";

    assertThat(ProcStats.cpuTicks(stat)).isEqualTo(425);
  }

  @Test
  void readsThisProcess() throws Exception {
    long pid = ProcessHandle.current().pid();

    assertThat(ProcStats.cpuSeconds(pid)).isPositive();
    assertThat(ProcStats.peakRssBytes(pid)).isGreaterThan(1 << 20);
  }

  @Test
  void theMachineIsReadFromProc() {
    MachineInfo machine = MachineInfo.read();

    assertThat(machine.cpus()).isPositive();
    assertThat(machine.memoryMib()).isPositive();
    assertThat(machine.ownCpus()).matches("[0-9,-]+");
  }

  @Test
  void statusValuesAreInKib() {
    String status = "Name:\tjava\nVmPeak:\t 5000 kB\nVmHWM:\t  123456 kB\nVmRSS:\t 100 kB\n";

    assertThat(ProcStats.statusKib(status, "VmHWM")).isEqualTo(123456);
  }

  @Test
  void prometheusCountersAreSummedOverTheirSeries() {
    String text =
        """
        # HELP otelcol_exporter_sent_spans_total sent
        # TYPE otelcol_exporter_sent_spans_total counter
        otelcol_exporter_sent_spans_total{exporter="debug",service_name="otelring"} 1024.0
        otelcol_exporter_sent_spans_total{exporter="otlp/x"} 10 1700000000000
        otelcol_exporter_sent_spans_totally_other 5.0
        otelcol_receiver_accepted_spans_total{receiver="otlp"} 7.0
        """;

    assertThat(PrometheusText.sum(text, "otelcol_exporter_sent_spans_total"))
        .isCloseTo(1034, within(1e-9));
    assertThat(PrometheusText.sum(text, "otelcol_exporter_queue_size")).isZero();
  }

  @Test
  void heapInfoGivesTheWholeHeapsUsedFigure() {
    String heapInfo =
        """
        4242:
         garbage-first heap   total 262144K, used 21065K [0x0000000080000000, 0x0000000100000000)
          region size 1024K, 21 young (21504K), 3 survivors (3072K)
         Metaspace       used 12345K, committed 12544K, reserved 1114112K
        """;

    assertThat(HeapProbe.usedKib(heapInfo)).isEqualTo(21065);
  }
}
