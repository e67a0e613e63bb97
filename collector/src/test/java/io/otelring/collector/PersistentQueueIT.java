package io.otelring.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The persistent sending queue in the packaged collector, in a child JVM: SDK clients send while
 * the backend is down, the collector is killed with kill -9 at an arbitrary moment and restarted,
 * the backend comes up, and every span whose request was answered OK arrives.
 */
class PersistentQueueIT {

  @TempDir Path dir;

  private final List<Process> processes = new ArrayList<>();
  private final List<String> output = new CopyOnWriteArrayList<>();
  private final Set<String> received = ConcurrentHashMap.newKeySet();
  private final AtomicInteger duplicates = new AtomicInteger();
  private Server backend;

  @AfterEach
  void stop() throws Exception {
    processes.forEach(Process::destroyForcibly);
    if (backend != null) {
      backend.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void everySpanAnsweredOkBeforeAKillArrivesAfterTheRestart() throws Exception {
    everySpanAnsweredOkArrivesAfterAKill(BATCH_PROCESSOR, "{storage: file_storage}");
  }

  /**
   * Go's batching without the batch processor: the exporter merges what its persistent queue holds,
   * and a request leaves the disk only once the batch carrying it was sent.
   */
  @Test
  void withTheExportersOwnBatchingEverySpanAnsweredOkArrivesAfterTheRestart() throws Exception {
    everySpanAnsweredOkArrivesAfterAKill(
        "[]", "{storage: file_storage, batch: {min_size: 25, flush_timeout: 100ms}}");
  }

  private void everySpanAnsweredOkArrivesAfterAKill(String processors, String queue)
      throws Exception {
    int receiverPort = FreePorts.next();
    int backendPort = FreePorts.next();
    Path config = config(receiverPort, backendPort, processors, queue);

    Process first = collector(config);
    Set<String> acknowledged = sendUntilKilled(receiverPort, first);
    assertThat(acknowledged).as("spans answered OK before the kill").isNotEmpty();

    collector(config);
    startBackend(backendPort);

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(received).containsAll(acknowledged));
    assertThat(output).anyMatch(l -> l.contains("batches from an earlier run will be sent"));
  }

  @Test
  void aTruncatedQueueFileIsReportedAndTheRestIsStillSent() throws Exception {
    int receiverPort = FreePorts.next();
    int backendPort = FreePorts.next();
    Path config = config(receiverPort, backendPort, BATCH_PROCESSOR, "{storage: file_storage}");
    Process first = collector(config);
    Set<String> acknowledged = sendUntilKilled(receiverPort, first);
    assertThat(acknowledged).hasSizeGreaterThan(20);
    Path segment;
    try (Stream<Path> files = Files.walk(dir.resolve("queue"))) {
      segment = files.filter(p -> p.toString().endsWith(".seg")).sorted().reduce((a, b) -> b).get();
    }
    try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
      file.setLength(file.length() - 7);
    }

    collector(config);
    startBackend(backendPort);

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> output.stream().anyMatch(l -> l.contains("is truncated or corrupt")));
    // The records before the cut are sent: every acknowledged span but those of the last batch,
    // which holds at most one 10-span request of each of the two clients.
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> assertThat(received.size()).isGreaterThanOrEqualTo(acknowledged.size() - 20));
  }

  private static final String BATCH_PROCESSOR = "[batch]";

  private Path config(int receiverPort, int backendPort, String processors, String queue)
      throws IOException {
    Path config = dir.resolve("c.yaml");
    Files.writeString(
        config,
        """
        receivers: {otlp: {protocols: {grpc: {endpoint: 127.0.0.1:%d}}}}
        processors: {batch: {timeout: 50ms}}
        exporters:
          otlp:
            endpoint: 127.0.0.1:%d
            tls: {insecure: true}
            retry_on_failure: {initial_interval: 100ms, max_interval: 300ms, max_elapsed_time: 0}
            sending_queue: %s
        extensions:
          file_storage: {directory: %s, create_directory: true}
        service:
          extensions: [file_storage]
          telemetry: {metrics: {level: none}}
          pipelines: {traces: {receivers: [otlp], processors: %s, exporters: [otlp]}}
        """
            .formatted(receiverPort, backendPort, queue, dir.resolve("queue"), processors));
    return config;
  }

  /** Two SDK clients send 10-span requests until the collector is killed at a random moment. */
  private Set<String> sendUntilKilled(int port, Process collector) throws Exception {
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicBoolean sending = new AtomicBoolean(true);
    AtomicInteger batches = new AtomicInteger();
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < 2; c++) {
      int client = c;
      Thread thread =
          new Thread(
              () -> {
                OtlpGrpcSpanExporter exporter =
                    OtlpGrpcSpanExporter.builder()
                        .setEndpoint("http://127.0.0.1:" + port)
                        .setTimeout(Duration.ofSeconds(5))
                        .setRetryPolicy(null)
                        .build();
                for (int b = 0; sending.get(); b++) {
                  List<SpanData> spans = new ArrayList<>();
                  for (int s = 0; s < 10; s++) {
                    spans.add(span("c" + client + "-b" + b + "-s" + s));
                  }
                  CompletableResultCode result = exporter.export(spans);
                  result.join(10, TimeUnit.SECONDS);
                  if (result.isSuccess()) {
                    spans.forEach(span -> acknowledged.add(span.getName()));
                    batches.incrementAndGet();
                  }
                }
                exporter.shutdown();
              });
      thread.start();
      clients.add(thread);
    }
    int killAfter = ThreadLocalRandom.current().nextInt(10, 40);
    await().atMost(Duration.ofSeconds(60)).until(() -> batches.get() >= killAfter);
    collector.destroyForcibly(); // SIGKILL
    assertThat(collector.waitFor(10, TimeUnit.SECONDS)).isTrue();
    sending.set(false);
    for (Thread thread : clients) {
      thread.join(20_000);
    }
    return Set.copyOf(acknowledged);
  }

  private static SpanData span(String name) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return TestSpanData.builder()
        .setName(name)
        .setKind(SpanKind.INTERNAL)
        .setSpanContext(
            SpanContext.create(
                String.format("%016x%016x", random.nextLong(), random.nextLong() | 1),
                String.format("%016x", random.nextLong() | 1),
                TraceFlags.getSampled(),
                TraceState.getDefault()))
        .setStartEpochNanos(1_700_000_000_000_000_000L)
        .setEndEpochNanos(1_700_000_000_000_100_000L)
        .setStatus(StatusData.unset())
        .setHasEnded(true)
        .build();
  }

  private Process collector(Path config) throws IOException {
    Path jar = Path.of("target/otelring.jar");
    assertThat(jar).as("failsafe runs after package").exists();
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "--config",
                config.toString())
            .redirectErrorStream(true)
            .start();
    processes.add(process);
    Thread reader = new Thread(() -> readLines(process));
    reader.setDaemon(true);
    reader.start();
    long ready = processes.size();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> output.stream().filter(l -> l.contains("Everything is ready")).count() >= ready);
    return process;
  }

  private void readLines(Process process) {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        output.add(line);
      }
    } catch (IOException e) {
      output.add("read failed: " + e);
    }
  }

  private void startBackend(int port) throws IOException {
    backend =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port))
            .addService(
                new TraceServiceGrpc.TraceServiceImplBase() {
                  @Override
                  public void export(
                      ExportTraceServiceRequest request,
                      StreamObserver<ExportTraceServiceResponse> observer) {
                    request.getResourceSpansList().stream()
                        .flatMap(r -> r.getScopeSpansList().stream())
                        .flatMap(s -> s.getSpansList().stream())
                        .forEach(
                            span -> {
                              if (!received.add(span.getName())) {
                                duplicates.incrementAndGet();
                              }
                            });
                    observer.onNext(ExportTraceServiceResponse.getDefaultInstance());
                    observer.onCompleted();
                  }
                })
            .build()
            .start();
  }
}
