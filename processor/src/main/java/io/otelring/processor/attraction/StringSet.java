package io.otelring.processor.attraction;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.Set;

/**
 * Go's {@code filterset}: a set of strings matched exactly ({@code strict}) or a list of RE2
 * patterns of which one must be found in the text ({@code regexp}, unanchored as Go's {@code
 * MatchString}).
 */
final class StringSet {

  private final Set<String> exact;
  private final Pattern[] patterns;

  private StringSet(Set<String> exact, Pattern[] patterns) {
    this.exact = exact;
    this.patterns = patterns;
  }

  /**
   * A set for the items, or {@code null} when there are none (then the property is not checked).
   */
  static StringSet of(List<String> items, boolean strict) {
    if (items.isEmpty()) {
      return null;
    }
    if (strict) {
      return new StringSet(Set.copyOf(new java.util.HashSet<>(items)), null);
    }
    return new StringSet(
        null, items.stream().distinct().map(Pattern::compile).toArray(Pattern[]::new));
  }

  boolean matches(String text) {
    if (exact != null) {
      return exact.contains(text);
    }
    for (Pattern pattern : patterns) {
      if (pattern.matcher(text).find()) {
        return true;
      }
    }
    return false;
  }
}
