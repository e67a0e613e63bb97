package io.otelring.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.rpc.RetryInfo;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.StatusProto;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.opentelemetry.sdk.common.export.RetryPolicy;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Exporter;
import io.otelring.core.component.ExporterFactory;
import io.otelring.core.consumer.Consumer;
import io.otelring.core.consumer.Telemetry;
import io.otelring.core.pipeline.RingOptions;
import io.otelring.core.testing.Received;
import io.otelring.core.testing.Requests;
import io.otelring.core.testing.TestComponents;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * memory_limiter in this JVM's real heap: a stalled pipeline holds everything it accepts, SDK
 * clients flood it with ~100 MiB, the limiter refuses with a retryable answer once the heap reaches
 * the soft limit, the live heap stays under the hard limit, and when the stall ends every accepted
 * span arrives exactly once and data is accepted again.
 */
class MemoryLimiterIT {

  private static final long MIB = 1024 * 1024;
  private static final String PAYLOAD = "x".repeat(2048);

  /** Requests of ~420 KiB each: ~100 MiB, more than the 96 MiB the limit leaves. */
  private static final int OFFERED_REQUESTS = 240;

  private final TestComponents.GateProcessors gates = new TestComponents.GateProcessors();
  private final CountingExporters counting = new CountingExporters();
  private final int port = FreePorts.next();
  private Collector collector;
  private ManagedChannel channel;
  private final List<OtlpGrpcSpanExporter> sdks = new ArrayList<>();

  @AfterEach
  void stop() {
    gates.open();
    sdks.forEach(sdk -> sdk.shutdown().join(5, TimeUnit.SECONDS));
    if (channel != null) {
      channel.shutdownNow();
    }
    if (collector != null) {
      collector.close();
    }
  }

  @Test
  void refusesWithRetryAboveTheSoftLimitKeepsTheHeapUnderTheLimitAndLosesNothing()
      throws Exception {
    // The limits sit above what this JVM holds now, so only the data the test sends can reach them.
    long baselineMib = liveHeapBytes() / MIB;
    long limitMib = baselineMib + 96;
    String yaml =
        """
        receivers: {otlp: {protocols: {grpc: {endpoint: 127.0.0.1:%d}}}}
        processors:
          memory_limiter:
            check_interval: 50ms
            limit_mib: %d
            spike_limit_mib: 48
            min_gc_interval_when_soft_limited: 1s
            min_gc_interval_when_hard_limited: 500ms
          gate: {}
        exporters: {counting: {}}
        service:
          telemetry: {metrics: {level: none}}
          pipelines:
            traces: {receivers: [otlp], processors: [memory_limiter, gate], exporters: [counting]}
        """
            .formatted(port, limitMib);
    collector =
        Collector.startYaml(
            yaml,
            // a ring large enough that only memory, not a full ring, stops the flood
            new RingOptions(1024, Duration.ofMillis(300)),
            gates,
            counting);
    gates.close();
    // Four SDK clients send ~420 KiB requests until more was offered than the limit has room for
    // and a probe sees the limiter refuse.
    Set<String> accepted = ConcurrentHashMap.newKeySet();
    AtomicInteger failedExports = new AtomicInteger();
    AtomicBoolean flooding = new AtomicBoolean(true);
    AtomicInteger requests = new AtomicInteger();
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      OtlpGrpcSpanExporter sdk = sdk();
      Thread client =
          new Thread(
              () -> {
                while (flooding.get()) {
                  List<SpanData> spans = spans(requests.incrementAndGet(), 200);
                  if (sdk.export(spans).join(15, TimeUnit.SECONDS).isSuccess()) {
                    spans.forEach(s -> accepted.add(s.getSpanId()));
                  } else {
                    failedExports.incrementAndGet();
                  }
                }
              },
              "sdk-client-" + c);
      client.start();
      clients.add(client);
    }
    channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    var stub = TraceServiceGrpc.newBlockingStub(channel);
    AtomicInteger probes = new AtomicInteger();
    StatusRuntimeException[] refusal = new StatusRuntimeException[1];
    await()
        .atMost(Duration.ofSeconds(25))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              if (requests.get() < OFFERED_REQUESTS) {
                return false;
              }
              var probe = Requests.spans("probe" + probes.incrementAndGet(), 1);
              try {
                stub.withDeadlineAfter(5, TimeUnit.SECONDS).export(probe);
                accepted.add(
                    Received.spanId(probe.getResourceSpans(0).getScopeSpans(0).getSpans(0)));
                return false;
              } catch (StatusRuntimeException e) {
                refusal[0] = e;
                return true;
              }
            });
    flooding.set(false);
    for (Thread client : clients) {
      client.join(30_000);
    }

    // Retryable: UNAVAILABLE with a RetryInfo of one check interval; counted; the SDK gave up on
    // some requests, which were never taken.
    assertThat(refusal[0].getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(refusal[0].getStatus().getDescription())
        .isEqualTo("data refused due to high memory usage");
    RetryInfo retryInfo =
        StatusProto.fromThrowable(refusal[0]).getDetails(0).unpack(RetryInfo.class);
    assertThat(retryInfo.getRetryDelay().getNanos()).isEqualTo(50_000_000);
    assertThat(failedExports.get()).isPositive();
    assertThat(
            collector
                .metrics()
                .registry()
                .get("otelcol_processor_refused_spans")
                .tag("processor", "memory_limiter")
                .counter()
                .count())
        .isPositive();
    // Everything accepted is still held by the stalled pipeline, and yet the live heap is under
    // the limit: more was offered (requests × ~420 KiB) than the limit leaves room for.
    assertThat(OFFERED_REQUESTS * 420L * 1024).isGreaterThan((limitMib - baselineMib) * MIB);
    assertThat(liveHeapBytes()).isLessThan(limitMib * MIB);

    gates.open();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(counting.delivered.keySet()).isEqualTo(accepted));
    assertThat(counting.duplicates.get()).isZero();

    // With the pipeline drained the heap falls and data is accepted again.
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> sdks.get(0).export(spans(0, 1)).join(15, TimeUnit.SECONDS).isSuccess());
  }

  /** An SDK exporter of its own per client: one exporter's HTTP/2 dispatcher is small. */
  private OtlpGrpcSpanExporter sdk() {
    OtlpGrpcSpanExporter sdk =
        OtlpGrpcSpanExporter.builder()
            .setEndpoint("http://127.0.0.1:" + port)
            .setRetryPolicy(
                RetryPolicy.builder()
                    .setMaxAttempts(2)
                    .setInitialBackoff(Duration.ofMillis(50))
                    .setMaxBackoff(Duration.ofMillis(100))
                    .build())
            .build();
    sdks.add(sdk);
    return sdk;
  }

  /** The heap still reachable after a full collection. */
  private static long liveHeapBytes() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static List<SpanData> spans(int request, int count) {
    return SdkSpans.batch(
        request, count, Attributes.of(AttributeKey.stringKey("payload"), PAYLOAD));
  }

  /** Type {@code counting}: remembers span ids, not payloads, so delivered data can be freed. */
  static final class CountingExporters implements ExporterFactory<TestComponents.Settings> {
    final Map<String, Boolean> delivered = new ConcurrentHashMap<>();
    final AtomicInteger duplicates = new AtomicInteger();

    @Override
    public String type() {
      return "counting";
    }

    @Override
    public Class<TestComponents.Settings> configType() {
      return TestComponents.Settings.class;
    }

    @Override
    public TestComponents.Settings defaultConfig() {
      return new TestComponents.Settings("", 0);
    }

    @Override
    public Exporter createExporter(ComponentSettings settings, TestComponents.Settings config) {
      return new Exporter() {
        @Override
        public CompletionStage<Void> consume(Telemetry telemetry) {
          telemetry.traces().getResourceSpansList().stream()
              .flatMap(rs -> rs.getScopeSpansList().stream())
              .flatMap(ss -> ss.getSpansList().stream())
              .forEach(
                  span -> {
                    if (delivered.put(Received.spanId(span), true) != null) {
                      duplicates.incrementAndGet();
                    }
                  });
          return Consumer.ACCEPTED;
        }

        @Override
        public void start() {}

        @Override
        public void shutdown(Duration deadline) {}
      };
    }
  }
}
