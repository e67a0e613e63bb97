package io.otelring.bench.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.otelring.bench.baseline.Baseline;
import io.otelring.bench.baseline.BaselineServer;
import io.otelring.bench.e2e.SutProcess;
import io.otelring.bench.loadgen.Endpoint;
import io.otelring.bench.loadgen.LoadOptions;
import io.otelring.bench.loadgen.LoadRun;
import io.otelring.bench.loadgen.Protocol;
import io.otelring.bench.loadgen.RetryPolicy;
import io.otelring.bench.loadgen.Sender;
import io.otelring.bench.shape.PayloadPool;
import io.otelring.bench.shape.SpanShape;
import io.otelring.collector.BuiltInComponents;
import io.otelring.collector.Collector;
import io.otelring.core.component.ComponentId;
import io.otelring.core.component.Kind;
import io.otelring.core.component.Signal;
import io.otelring.core.config.ConfigLoader;
import io.otelring.core.config.ConfigSource;
import io.otelring.core.pipeline.RingOptions;
import io.otelring.exporter.otlp.OtlpExporterConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The outage pipeline in this JVM: a short outage, then every accepted span at the backend. */
@Timeout(180)
class OutageTest {

  @TempDir Path storage;

  @Test
  void theConfigIsOneTheCollectorLoads() throws Exception {
    String yaml = OutageCollector.config(4317, 8888, 4417, storage, 1000);

    var config =
        new ConfigLoader(BuiltInComponents.factories()).load(ConfigSource.ofYaml("outage", yaml));

    var exporter =
        (OtlpExporterConfig)
            config.get(Kind.EXPORTER, ComponentId.parse(OutageCollector.EXPORTER)).config();
    assertThat(exporter.sendingQueue().persistent()).isTrue();
    assertThat(exporter.endpoint()).isEqualTo("127.0.0.1:4417");
  }

  @Test
  void everySpanAcceptedDuringAShortOutageIsDelivered() throws Exception {
    int otlpPort = SutProcess.freePort();
    int backendPort = SutProcess.freePort();
    String yaml =
        OutageCollector.config(otlpPort, SutProcess.freePort(), backendPort, storage, 1000);
    LoadOptions options =
        new LoadOptions(
            Signal.TRACES,
            Protocol.GRPC,
            new Endpoint("127.0.0.1", otlpPort, false),
            Map.of(),
            2,
            5000,
            null,
            0,
            SpanShape.TESTBED.spansPerRequest(),
            SpanShape.TESTBED,
            false,
            4,
            Duration.ofSeconds(10),
            RetryPolicy.until(Duration.ofMinutes(1)));
    PayloadPool pool = PayloadPool.build(Signal.TRACES, SpanShape.TESTBED, 100, 4, false, 1);
    try (Collector collector = Collector.startYaml(yaml, RingOptions.DEFAULT);
        Sender sender = options.sender()) {
      LoadRun run = new LoadRun(options, pool, sender);
      run.start();
      await().until(() -> run.stats().counts().acceptedItems() >= 5000);
      try (BaselineServer sink =
          BaselineServer.start(Baseline.B0, "127.0.0.1", backendPort, null)) {
        await().until(() -> sink.counts().items(Signal.TRACES) > 0);
        run.stop();
        long accepted = run.stats().counts().acceptedItems();

        await()
            .atMost(Duration.ofMinutes(2))
            .until(() -> sink.counts().items(Signal.TRACES) >= accepted);
        assertThat(run.stats().counts().givenUpItems()).isZero();
        assertThat(sink.counts().items(Signal.TRACES)).isGreaterThanOrEqualTo(accepted);
      }
    }
  }
}
