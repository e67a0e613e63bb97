package io.otelring.distribution;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository checkout these tests read: the Dockerfile, {@code image/}, {@code helm/} and
 * {@code compose/} live at its root, not in this module. The build passes the root as the system
 * property {@code otelring.root}.
 */
final class Checkout {

  private Checkout() {}

  static Path root() {
    Path root = Path.of(System.getProperty("otelring.root", "..")).toAbsolutePath().normalize();
    if (!Files.isRegularFile(root.resolve("Dockerfile"))) {
      throw new IllegalStateException("not the repository root (no Dockerfile): " + root);
    }
    return root;
  }

  static Path file(String relative) {
    return root().resolve(relative);
  }

  static String read(String relative) {
    try {
      return Files.readString(file(relative));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
