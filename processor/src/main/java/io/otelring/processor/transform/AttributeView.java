package io.otelring.processor.transform;

import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A read-only CEL map over an OTLP attribute list in which dotted keys are also nested fields:
 * {@code attributes["llm.request.model"]} and {@code attributes.llm.request.model} read the same
 * value, because {@code llm} resolves to a view of the keys under {@code llm.}. Values are
 * converted to CEL values when they are read, never before.
 */
final class AttributeView extends AbstractMap<String, Object> {

  private final List<KeyValue> attributes;
  private final String prefix;

  AttributeView(List<KeyValue> attributes, String prefix) {
    this.attributes = attributes;
    this.prefix = prefix;
  }

  static AttributeView of(List<KeyValue> attributes) {
    return new AttributeView(attributes, "");
  }

  /** The full key prefix of this view, {@code ""} for the root or e.g. {@code "llm."}. */
  String prefix() {
    return prefix;
  }

  List<KeyValue> attributes() {
    return attributes;
  }

  @Override
  public Object get(Object key) {
    if (!(key instanceof String name)) {
      return null;
    }
    String full = prefix.isEmpty() ? name : prefix + name;
    for (int i = 0, n = attributes.size(); i < n; i++) {
      if (attributes.get(i).getKey().equals(full)) {
        return CelValues.toCel(attributes.get(i).getValue());
      }
    }
    return hasKeysUnder(attributes, full) ? new AttributeView(attributes, full + ".") : null;
  }

  @Override
  public boolean containsKey(Object key) {
    return get(key) != null;
  }

  /** Whether some key starts with {@code key + "."}. */
  static boolean hasKeysUnder(List<KeyValue> attributes, String key) {
    for (int i = 0, n = attributes.size(); i < n; i++) {
      String candidate = attributes.get(i).getKey();
      if (candidate.length() > key.length()
          && candidate.charAt(key.length()) == '.'
          && candidate.startsWith(key)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    Map<String, Object> heads = new LinkedHashMap<>();
    for (KeyValue kv : attributes) {
      String key = kv.getKey();
      if (key.startsWith(prefix) && key.length() > prefix.length()) {
        String rest = key.substring(prefix.length());
        int dot = rest.indexOf('.');
        String head = dot < 0 ? rest : rest.substring(0, dot);
        if (!heads.containsKey(head)) {
          heads.put(head, get(head));
        }
      }
    }
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, Object>> iterator() {
        return heads.entrySet().iterator();
      }

      @Override
      public int size() {
        return heads.size();
      }
    };
  }
}
