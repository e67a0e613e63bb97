package com.example.otelring.redact;

import io.otelring.core.component.ComponentConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Settings of the {@code redact} processor, bound from YAML by otelring (snake_case keys).
 *
 * @param patterns regular expressions; every match in a string attribute value is masked
 * @param replacement what a match is replaced with
 * @param keys the attribute keys to look at; empty means every key
 */
public record RedactConfig(List<String> patterns, String replacement, List<String> keys)
    implements ComponentConfig {

  static RedactConfig defaults() {
    return new RedactConfig(List.of(), "***", List.of());
  }

  @Override
  public List<String> validate() {
    List<String> problems = new ArrayList<>();
    if (patterns == null || patterns.isEmpty()) {
      problems.add("patterns: give at least one regular expression to mask");
    } else {
      for (int i = 0; i < patterns.size(); i++) {
        try {
          Pattern.compile(patterns.get(i));
        } catch (PatternSyntaxException e) {
          problems.add("patterns::" + i + ": not a regular expression: " + e.getDescription());
        }
      }
    }
    if (replacement == null) {
      problems.add("replacement: must not be null");
    }
    return problems;
  }
}
