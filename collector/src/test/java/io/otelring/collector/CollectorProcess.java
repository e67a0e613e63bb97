package io.otelring.collector;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The packaged collector ({@code target/otelring.jar}, built before failsafe runs) in a child JVM,
 * with its output (stdout and stderr) collected line by line.
 */
final class CollectorProcess implements AutoCloseable {

  private final Process process;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Thread reader;

  private CollectorProcess(Process process) {
    this.process = process;
    this.reader = new Thread(this::read, "collector-output");
    this.reader.start();
  }

  /** Starts {@code java -jar target/otelring.jar ARGS} and waits until it is ready. */
  static CollectorProcess start(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(Path.of("target/otelring.jar").toString());
    command.addAll(List.of(args));
    CollectorProcess collector;
    try {
      collector =
          new CollectorProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .failFast("the collector exited", () -> !collector.process.isAlive())
        .until(() -> collector.lines.stream().anyMatch(l -> l.contains("Everything is ready")));
    return collector;
  }

  List<String> lines() {
    return lines;
  }

  /** Sends SIGTERM and waits for the exit; returns the exit code. */
  int terminate() throws InterruptedException {
    // Through the handle: Process.destroy() would also close the output stream being read.
    process.toHandle().destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the collector did not stop within 30 s after SIGTERM");
    }
    reader.join(5_000);
    return process.exitValue();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  private void read() {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      in.lines().forEach(lines::add);
    } catch (Exception e) {
      lines.add("read failed: " + e);
    }
  }
}
