package io.otelring.core.config;

import java.util.List;

/**
 * Everything wrong with a configuration, found in one pass. Each problem is one line that names
 * where it is — {@code file:line: path::to::key: what is wrong} — so a user can fix them all at
 * once; the command line prints them without a stack trace.
 */
public final class ConfigException extends Exception {

  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super(String.join("\n", problems), null, false, false);
    this.problems = List.copyOf(problems);
  }

  public ConfigException(String problem) {
    this(List.of(problem));
  }

  public List<String> problems() {
    return problems;
  }
}
