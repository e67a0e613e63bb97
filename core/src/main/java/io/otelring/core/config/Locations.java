package io.otelring.core.config;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each key of the merged config was written: {@code file:line} by {@code ::}-joined path.
 * When several files set a key, the last one wins, as its value does.
 */
public final class Locations {

  private final Map<String, String> byPath = new HashMap<>();

  void put(String path, String location) {
    byPath.put(path, location);
  }

  void putAll(Locations other) {
    byPath.putAll(other.byPath);
  }

  /**
   * The location of a path, or of its nearest ancestor that has one; empty when none is known (a
   * default, or a key given on the command line).
   */
  public String of(String path) {
    String current = path;
    while (!current.isEmpty()) {
      String found = byPath.get(current);
      if (found != null) {
        return found;
      }
      int cut = current.lastIndexOf("::");
      current = cut < 0 ? "" : current.substring(0, cut);
    }
    return "";
  }

  /** A problem line: {@code file:line: path: message}, or {@code path: message}. */
  public String problem(String path, String message) {
    String where = of(path);
    String subject = path.isEmpty() ? message : path + ": " + message;
    return where.isEmpty() ? subject : where + ": " + subject;
  }
}
