package io.otelring.bench.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The system under test as a child process, pinned to one CPU with {@code taskset} (which execs the
 * JVM, so the pid is the JVM's). Its stdout is discarded (the debug exporter writes there); its
 * stderr goes to a log file for when something goes wrong.
 */
public final class SutProcess implements AutoCloseable {

  private static final Set<Integer> HANDED_OUT = new HashSet<>();

  /**
   * What the launchers ({@code ./otelring}, the image's) put in the JVM's environment unless it is
   * set already: one glibc malloc arena (see the launcher's comment). Every system under test gets
   * it, so that the baselines and otelring run alike.
   */
  public static final Map<String, String> LAUNCHER_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "1");

  /** The launcher environment as the systems under test get it, for a report: {@code K=V …}. */
  public static String environmentNote() {
    StringBuilder note = new StringBuilder();
    LAUNCHER_ENVIRONMENT.forEach(
        (key, value) ->
            note.append(note.length() == 0 ? "" : " ")
                .append(key)
                .append('=')
                .append(System.getenv().getOrDefault(key, value)));
    return note.toString();
  }

  private final Process process;
  private final String description;

  private SutProcess(Process process, String description) {
    this.process = process;
    this.description = description;
  }

  /** Starts {@code command} on {@code cpu} (none when null or taskset is missing). */
  public static SutProcess start(List<String> command, String cpu, Path log) throws IOException {
    List<String> full = new ArrayList<>();
    if (cpu != null && !cpu.isBlank()) {
      full.addAll(List.of("taskset", "-c", cpu));
    }
    full.addAll(command);
    ProcessBuilder builder =
        new ProcessBuilder(full)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(log.toFile());
    LAUNCHER_ENVIRONMENT.forEach(builder.environment()::putIfAbsent);
    Process process = builder.start();
    return new SutProcess(process, String.join(" ", full));
  }

  public long pid() {
    return process.pid();
  }

  String description() {
    return description;
  }

  /** Waits until {@code port} accepts connections; fails if the process dies or time runs out. */
  public void awaitListening(int port, Duration timeout) throws IOException, InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (!process.isAlive()) {
        throw new IOException("exited with " + process.exitValue() + ": " + description);
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        TimeUnit.MILLISECONDS.sleep(100);
      }
    }
    throw new IOException("not listening on " + port + " after " + timeout + ": " + description);
  }

  /**
   * A port free on this machine now (someone may take it before it is used), and never one this
   * process handed out before: the kernel can give the same free port to two binds in a row, and a
   * collector whose receiver and metrics endpoint were given one port failed to start.
   */
  public static synchronized int freePort() {
    for (int attempt = 0; attempt < 1000; attempt++) {
      try (ServerSocket socket = new ServerSocket(0)) {
        if (HANDED_OUT.add(socket.getLocalPort())) {
          return socket.getLocalPort();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new IllegalStateException("no free port this process has not handed out already");
  }

  /** SIGTERM, then SIGKILL if it has not exited within 30 s. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
