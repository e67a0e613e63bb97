package io.otelring.processor.transform;

import dev.cel.runtime.CelEvaluationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gateway's {@code flatten} and {@code flattenRecursive}: a map or list becomes a map of dotted
 * keys ({@code key.name}, {@code key.0}) — one level, or down to the scalar leaves.
 */
final class Flattening {

  private Flattening() {}

  static Map<String, Object> flatten(Object value) throws CelEvaluationException {
    Map<String, Object> out = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> out.put(String.valueOf(k), v));
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        out.put(Integer.toString(i), list.get(i));
      }
    } else {
      throw new CelEvaluationException("flatten expects a map or a list, not " + typeName(value));
    }
    return out;
  }

  static Map<String, Object> flattenRecursive(Object value) throws CelEvaluationException {
    if (!(value instanceof Map<?, ?>) && !(value instanceof List<?>)) {
      throw new CelEvaluationException(
          "flattenRecursive expects a map or a list, not " + typeName(value));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    into("", value, out);
    return out;
  }

  private static void into(String prefix, Object value, Map<String, Object> out) {
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> into(prefix + k + ".", v, out));
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        into(prefix + i + ".", list.get(i), out);
      }
    } else {
      out.put(prefix.substring(0, prefix.length() - 1), value);
    }
  }

  private static String typeName(Object value) {
    return value == null
        ? "null"
        : value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }
}
