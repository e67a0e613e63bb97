package io.otelring.core.zap;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code output_paths}, as zap opens them — {@code stdout}, {@code stderr}, or a file appended to
 * (created when missing) — for the collector's log and the debug exporter. Every line goes to all
 * of them.
 */
public final class OutputPaths extends OutputStream {

  private final List<OutputStream> targets;
  private final List<OutputStream> files;

  private OutputPaths(List<OutputStream> targets, List<OutputStream> files) {
    this.targets = targets;
    this.files = files;
  }

  /**
   * @throws IOException naming the path that cannot be opened; those opened before are closed
   */
  public static PrintStream open(List<String> paths) throws IOException {
    List<OutputStream> targets = new ArrayList<>();
    List<OutputStream> files = new ArrayList<>();
    for (String path : paths) {
      switch (path) {
        case "stdout" -> targets.add(System.out);
        case "stderr" -> targets.add(System.err);
        default -> {
          try {
            FileOutputStream file = new FileOutputStream(path, true);
            files.add(file);
            targets.add(file);
          } catch (IOException e) {
            for (OutputStream opened : files) {
              opened.close();
            }
            throw new IOException("output_paths: cannot open " + path + ": " + e.getMessage(), e);
          }
        }
      }
    }
    return new PrintStream(new OutputPaths(targets, files), false, StandardCharsets.UTF_8);
  }

  @Override
  public void write(int b) throws IOException {
    for (OutputStream target : targets) {
      target.write(b);
    }
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    for (OutputStream target : targets) {
      target.write(bytes, offset, length);
    }
  }

  @Override
  public void flush() throws IOException {
    for (OutputStream target : targets) {
      target.flush();
    }
  }

  /** Closes the files; stdout and stderr stay open. */
  @Override
  public void close() throws IOException {
    flush();
    for (OutputStream file : files) {
      file.close();
    }
  }
}
