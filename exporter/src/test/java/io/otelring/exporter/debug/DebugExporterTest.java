package io.otelring.exporter.debug;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelring.core.component.Signal;
import io.otelring.core.consumer.ClientMetadata;
import io.otelring.core.consumer.Consumer;
import io.otelring.core.consumer.Telemetry;
import io.otelring.core.wire.MalformedWireException;
import io.otelring.core.wire.WireScanner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What the exporter writes: zap console lines as the Go collector's logger writes them (summary
 * entry, then the text entry), its sampling, and whole requests under concurrent calls.
 */
class DebugExporterTest {

  private static final Instant T0 = Instant.parse("2020-02-11T20:26:13.789Z");
  private static final String TS = "2020-02-11T20:26:13.789Z";
  private static final String TRACES_CONTEXT =
      "\"otelcol.component.id\": \"debug\", \"otelcol.component.kind\": \"exporter\","
          + " \"otelcol.signal\": \"traces\"";

  /** The summaries of {@code GoTestData.allTypes()} and {@code GoTestData.logs(2)}. */
  private static final String METRICS_AND_LOGS_SUMMARIES =
      TS
          + "\tinfo\tMetrics\t{\"otelcol.component.id\": \"debug\","
          + " \"otelcol.component.kind\": \"exporter\", \"otelcol.signal\": \"metrics\","
          + " \"resource metrics\": 1, \"metrics\": 7, \"data points\": 14}\n"
          + TS
          + "\tinfo\tLogs\t{\"otelcol.component.id\": \"debug\","
          + " \"otelcol.component.kind\": \"exporter\", \"otelcol.signal\": \"logs\","
          + " \"resource logs\": 1, \"log records\": 2}\n";

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private final MutableClock clock = new MutableClock(T0, ZoneOffset.UTC);

  private DebugExporter exporter(String verbosity, int initial, int thereafter, boolean internal) {
    return DebugExporter.builder(
            "debug", new DebugExporterConfig(verbosity, initial, thereafter, internal, null, null))
        .output(out)
        .clock(clock)
        .build();
  }

  private String output() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void basicPrintsOnlyTheSummaryOfEachSignal() {
    DebugExporter exporter = exporter("basic", 2, 1, true);
    assertThat((Object) exporter.consume(Telemetry.traces(GoTestData.traces(2))))
        .isSameAs(Consumer.ACCEPTED);
    exporter.consume(Telemetry.metrics(GoTestData.allTypes()));
    exporter.consume(Telemetry.logs(GoTestData.logs(2)));
    assertThat(output())
        .isEqualTo(
            TS
                + "\tinfo\tTraces\t{"
                + TRACES_CONTEXT
                + ", \"resource spans\": 1, \"spans\": 2}\n"
                + METRICS_AND_LOGS_SUMMARIES);
  }

  @Test
  void basicCountsReceivedBytesWithoutParsingThemAndPrintsWhatItPrintsForMessages()
      throws MalformedWireException {
    DebugExporter exporter = exporter("basic", 2, 1, true);
    Telemetry traces =
        Telemetry.join(
            Signal.TRACES,
            List.of(
                received(Signal.TRACES, GoTestData.traces(2).toByteArray()),
                received(Signal.TRACES, GoTestData.traces(3).toByteArray())),
            ClientMetadata.EMPTY);
    Telemetry metrics = received(Signal.METRICS, GoTestData.allTypes().toByteArray());
    Telemetry logs = received(Signal.LOGS, GoTestData.logs(2).toByteArray());

    exporter.consume(traces);
    exporter.consume(metrics);
    exporter.consume(logs);

    assertThat(List.of(traces, metrics, logs)).allMatch(Telemetry::isUnparsed);
    assertThat(output())
        .isEqualTo(
            TS
                + "\tinfo\tTraces\t{"
                + TRACES_CONTEXT
                + ", \"resource spans\": 2, \"spans\": 5}\n"
                + METRICS_AND_LOGS_SUMMARIES);
  }

  /** An envelope as the receiver makes it: the bytes, and the items its wire scan counted. */
  private static Telemetry received(Signal signal, byte[] bytes) throws MalformedWireException {
    return Telemetry.fromWire(
        signal, bytes, WireScanner.scan(signal, bytes).items(), ClientMetadata.EMPTY);
  }

  @Test
  void detailedPrintsTheTextAsOneEntryWhoseFieldsCloseItsLastLine() {
    exporter("Detailed", 2, 1, true).consume(Telemetry.traces(GoTestData.traces(2)));
    assertThat(output())
        .isEqualTo(
            TS
                + "\tinfo\tTraces\t{"
                + TRACES_CONTEXT
                + ", \"resource spans\": 1, \"spans\": 2}\n"
                + TS
                + "\tinfo\t"
                + DetailedTextTest.fixture("detailed/traces/two_spans.out")
                + "\t{"
                + TRACES_CONTEXT
                + "}\n");
  }

  @Test
  void normalPrintsTheNormalText() {
    exporter("normal", 2, 1, true).consume(Telemetry.logs(GoTestData.logs(1)));
    assertThat(output())
        .endsWith(
            "\tinfo\tResourceLog #0 resource-attr=resource-attr-val-1\n"
                + "ScopeLog #0\n"
                + "This is a log message app=server instance_num=1\n"
                + "\t{\"otelcol.component.id\": \"debug\", \"otelcol.component.kind\": \"exporter\","
                + " \"otelcol.signal\": \"logs\"}\n");
  }

  @Test
  void anEmptyRequestStillPrintsAnEmptyTextEntry() {
    exporter("detailed", 2, 1, true)
        .consume(
            Telemetry.traces(
                io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest
                    .getDefaultInstance()));
    assertThat(output())
        .isEqualTo(
            TS
                + "\tinfo\tTraces\t{"
                + TRACES_CONTEXT
                + ", \"resource spans\": 0, \"spans\": 0}\n"
                + TS
                + "\tinfo\t\t{"
                + TRACES_CONTEXT
                + "}\n");
  }

  @Test
  void withoutTheInternalLoggerLinesHaveNoTimeLevelOrComponentFields() {
    exporter("detailed", 2, 1, false).consume(Telemetry.logs(GoTestData.logs(1)));
    assertThat(output())
        .isEqualTo(
            "Logs\t{\"resource logs\": 1, \"log records\": 1}\n"
                + DetailedTextTest.fixture("detailed/logs/one_record.out")
                + "\n");
  }

  @Test
  void timeIsPrintedInTheClocksZoneWithMilliseconds() {
    MutableClock paris =
        new MutableClock(Instant.parse("2025-04-17T08:40:44.559999Z"), ZoneId.of("Europe/Paris"));
    DebugExporter.builder("debug/basic", DebugExporterConfig.DEFAULT)
        .output(out)
        .clock(paris)
        .resource(Map.of("service.name", "otelring", "service.instance.id", "a\"b"))
        .build()
        .consume(Telemetry.traces(GoTestData.traces(1)));
    assertThat(output())
        .isEqualTo(
            "2025-04-17T10:40:44.559+0200\tinfo\tTraces\t{\"resource\": {\"service.instance.id\":"
                + " \"a\\\"b\", \"service.name\": \"otelring\"}, \"otelcol.component.id\":"
                + " \"debug/basic\", \"otelcol.component.kind\": \"exporter\", \"otelcol.signal\":"
                + " \"traces\", \"resource spans\": 1, \"spans\": 1}\n");
  }

  @Test
  void samplingWritesTheFirstNPerSecondThenEveryMth() {
    DebugExporter exporter = exporter("basic", 2, 3, true);
    for (int i = 0; i < 8; i++) {
      exporter.consume(Telemetry.traces(GoTestData.traces(1)));
    }
    // Entries 1 and 2, then 5 and 8 (every 3rd after the first 2).
    assertThat(output().lines()).hasSize(4);
    clock.advance(Duration.ofMillis(999));
    exporter.consume(Telemetry.traces(GoTestData.traces(1))); // 9th in the second: dropped
    assertThat(output().lines()).hasSize(4);
    clock.advance(Duration.ofMillis(1));
    exporter.consume(Telemetry.traces(GoTestData.traces(1))); // a new second: written
    assertThat(output().lines()).hasSize(5);
  }

  @Test
  void samplingCountsEachSignalAndEachMessageApart() {
    DebugExporter exporter = exporter("basic", 1, 0, true);
    exporter.consume(Telemetry.traces(GoTestData.traces(1)));
    exporter.consume(Telemetry.traces(GoTestData.traces(1)));
    exporter.consume(Telemetry.logs(GoTestData.logs(1)));
    exporter.consume(Telemetry.logs(GoTestData.logs(1)));
    assertThat(output().lines())
        .extracting(line -> line.split("\t")[2])
        .containsExactly("Traces", "Logs");
  }

  @Test
  void theCollectorsOwnSamplingAppliesAfterTheExporters() {
    DebugExporter exporter =
        DebugExporter.builder("debug", DebugExporterConfig.DEFAULT)
            .output(out)
            .clock(clock)
            .collectorSampling(Duration.ofSeconds(10), 10, 100)
            .build();
    for (int i = 0; i < 120; i++) {
      exporter.consume(Telemetry.traces(GoTestData.traces(1)));
      clock.advance(Duration.ofMillis(10));
    }
    // 1.2 s: the first 10 "Traces" entries, then the 110th.
    assertThat(output().lines()).hasSize(11);
  }

  @Test
  void concurrentCallsNeverInterleave() throws Exception {
    DebugExporter exporter = exporter("detailed", 2, 1, true);
    Telemetry telemetry = Telemetry.metrics(GoTestData.allTypes());
    exporter.consume(telemetry);
    String block = output();
    bytes.reset();
    int threads = 4;
    int callsPerThread = 50;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      Future<?>[] futures = new Future<?>[threads];
      for (int t = 0; t < threads; t++) {
        futures[t] =
            pool.submit(
                () -> {
                  for (int i = 0; i < callsPerThread; i++) {
                    exporter.consume(telemetry);
                  }
                });
      }
      for (Future<?> future : futures) {
        future.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(output()).isEqualTo(block.repeat(threads * callsPerThread));
  }
}
