package io.otelring.bench.loadgen;

import io.otelring.bench.shape.PayloadPool;
import io.otelring.bench.shape.SpanShape;
import io.otelring.core.component.Signal;
import io.otelring.core.config.GoDuration;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code otelring loadgen}: the counterpart of the Go collector's telemetrygen. It encodes a small
 * pool of requests once and replays them from several workers over OTLP/gRPC or OTLP/HTTP, so what
 * it measures is the collector, not its own encoder. On a terminal it prints a status line every
 * second; at the end, a summary with the request latency percentiles.
 */
@Command(
    name = "loadgen",
    mixinStandardHelpOptions = true,
    description = "Sends OTLP traces, metrics or logs to a collector and reports what it accepted.")
public final class LoadGenerator implements Callable<Integer> {

  @Parameters(
      index = "0",
      arity = "0..1",
      defaultValue = "traces",
      description = "traces, metrics or logs (default: ${DEFAULT-VALUE})")
  String signal;

  @Option(
      names = "--protocol",
      defaultValue = "grpc",
      description = "grpc, http/protobuf or http/json (default: ${DEFAULT-VALUE})")
  String protocol;

  @Option(
      names = "--endpoint",
      description = "host:port or URL (default: localhost:4317 for grpc, :4318 for http)")
  String endpoint;

  @Option(names = "--insecure", description = "plain text instead of TLS")
  boolean insecure;

  @Option(names = "--header", description = "an extra request header k=v; repeatable")
  Map<String, String> headers = new LinkedHashMap<>();

  @Option(names = "--workers", defaultValue = "1", description = "concurrent senders")
  int workers;

  @Option(
      names = "--rate",
      defaultValue = "0",
      description = "items per second over all workers; 0 = as fast as possible")
  double rate;

  @Option(names = "--duration", description = "how long to send, e.g. 30s, 5m")
  String duration;

  @Option(
      names = "--count",
      defaultValue = "0",
      description = "items to send; with neither --count nor --duration, one request")
  long count;

  @Option(
      names = "--batch",
      defaultValue = "0",
      description = "items per request (default: the shape's; 100 for metrics and logs)")
  int batch;

  @Option(
      names = "--shape",
      defaultValue = "otelspec",
      description = "span shape: testbed, otelspec, large or genai (default: ${DEFAULT-VALUE})")
  String shape;

  @Option(
      names = "--compression",
      defaultValue = "none",
      description = "gzip or none (default: ${DEFAULT-VALUE})")
  String compression;

  @Option(names = "--pool", defaultValue = "16", description = "distinct requests to replay")
  int pool;

  @Option(names = "--timeout", defaultValue = "10s", description = "deadline of one attempt")
  String timeout;

  @Option(
      names = "--retry",
      description =
          "send a request refused with a retryable answer again (same payload) until accepted or"
              + " --retry-max-elapsed passes")
  boolean retry;

  @Option(
      names = "--retry-initial",
      defaultValue = "1s",
      description = "first backoff wait when the answer asks for none (default: ${DEFAULT-VALUE})")
  String retryInitial;

  @Option(
      names = "--retry-max",
      defaultValue = "5s",
      description = "largest backoff wait (default: ${DEFAULT-VALUE})")
  String retryMax;

  @Option(
      names = "--retry-max-elapsed",
      defaultValue = "5m",
      description = "give a request up this long after its first send (default: ${DEFAULT-VALUE})")
  String retryMaxElapsed;

  @Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  public static CommandLine commandLine() {
    return new CommandLine(new LoadGenerator());
  }

  @Override
  public Integer call() throws Exception {
    LoadOptions options;
    try {
      options = options();
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("loadgen: " + e.getMessage());
      return 2;
    }
    return run(options, spec.commandLine().getOut(), System.console() != null) ? 0 : 1;
  }

  /** Parses and checks the flags. */
  LoadOptions options() {
    Signal parsedSignal = Signal.fromConfigName(signal.trim().toLowerCase(Locale.ROOT));
    if (parsedSignal == null) {
      throw new IllegalArgumentException(
          "unknown signal \"" + signal + "\"; use traces, metrics or logs");
    }
    Protocol parsedProtocol = Protocol.of(protocol);
    SpanShape parsedShape;
    try {
      parsedShape = SpanShape.of(shape);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown shape \"" + shape + "\"; use testbed, otelspec, large or genai");
    }
    boolean gzip =
        switch (compression.trim().toLowerCase(Locale.ROOT)) {
          case "gzip" -> true;
          case "none", "" -> false;
          default ->
              throw new IllegalArgumentException(
                  "unknown compression \"" + compression + "\"; use gzip or none");
        };
    int items =
        batch > 0 ? batch : parsedSignal == Signal.TRACES ? parsedShape.spansPerRequest() : 100;
    Duration parsedDuration = duration == null ? null : GoDuration.parse(duration);
    long parsedCount = count == 0 && parsedDuration == null ? items : count;
    return new LoadOptions(
        parsedSignal,
        parsedProtocol,
        Endpoint.parse(endpoint, parsedProtocol, insecure),
        headers,
        workers,
        rate,
        parsedDuration,
        parsedCount,
        items,
        parsedShape,
        gzip,
        pool,
        GoDuration.parse(timeout),
        retry
            ? new RetryPolicy(
                true,
                GoDuration.parse(retryInitial),
                GoDuration.parse(retryMax),
                1.5,
                GoDuration.parse(retryMaxElapsed))
            : RetryPolicy.OFF);
  }

  /**
   * Runs a load to its end and prints the summary; false if any request failed (with retries: if
   * any was given up).
   */
  public static boolean run(LoadOptions options, PrintWriter out, boolean live) throws Exception {
    // gRPC compresses as it sends, so only HTTP bodies are compressed ahead of time.
    boolean precompress = options.gzip() && options.protocol() != Protocol.GRPC;
    PayloadPool payloads =
        PayloadPool.build(
            options.signal(),
            options.shape(),
            options.batch(),
            options.poolSize(),
            precompress,
            1,
            options.protocol() == Protocol.HTTP_JSON);
    try (Sender sender = options.sender()) {
      LoadRun run = new LoadRun(options, payloads, sender);
      boolean retrying = options.retry().enabled();
      StatusLine status = new StatusLine(run.stats(), noun(options.signal()), retrying, System.err);
      ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
      long start = System.nanoTime();
      run.start();
      if (live) {
        ticker.scheduleAtFixedRate(status::print, 1, 1, TimeUnit.SECONDS);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(run)));
      run.await(Long.MAX_VALUE, TimeUnit.DAYS);
      long elapsed = System.nanoTime() - start;
      ticker.shutdownNow();
      if (live) {
        status.finish();
      }
      Summary summary =
          new Summary(
              noun(options.signal()),
              run.stats().counts(),
              run.stats().takeLatencies(),
              elapsed,
              run.stats().lastError(),
              retrying);
      out.print(summary.text(payloads.bytesPerItem()));
      out.flush();
      return retrying
          ? summary.counts().givenUpRequests() == 0
          : summary.counts().failedRequests() == 0;
    }
  }

  private static void stopQuietly(LoadRun run) {
    // Interrupted (Ctrl-C): what is still being retried is given up.
    run.abort();
    try {
      run.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** What the summary calls the items: spans, data points, log records. */
  static String noun(Signal signal) {
    return switch (signal) {
      case TRACES -> "spans";
      case METRICS -> "data points";
      case LOGS -> "log records";
    };
  }
}
