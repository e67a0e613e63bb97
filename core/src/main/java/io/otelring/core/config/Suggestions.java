package io.otelring.core.config;

import java.util.Collection;

/** Finds the known name closest to a misspelt one, so an error can say "did you mean …". */
final class Suggestions {

  private Suggestions() {}

  /**
   * The closest candidate within a third of the word's length in edits, else a candidate the word
   * is the start of ({@code replace} → {@code replacement}), else null.
   */
  static String closest(String word, Collection<?> candidates) {
    if (candidates == null) {
      return null;
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (Object candidate : candidates) {
      String name = String.valueOf(candidate);
      int distance = editDistance(word, name);
      if (distance < bestDistance) {
        best = name;
        bestDistance = distance;
      }
    }
    if (best != null && bestDistance <= Math.max(2, word.length() / 3)) {
      return best;
    }
    if (word.length() >= 3) {
      for (Object candidate : candidates) {
        if (String.valueOf(candidate).startsWith(word)) {
          return String.valueOf(candidate);
        }
      }
    }
    return null;
  }

  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
