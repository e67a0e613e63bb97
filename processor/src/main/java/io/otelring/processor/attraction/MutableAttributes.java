package io.otelring.processor.attraction;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.ArrayList;
import java.util.List;

/**
 * An attribute list being edited: reads go to the original list until the first write, which copies
 * it, so an item no action touches costs no allocation. Order is kept; a new key goes last.
 */
public final class MutableAttributes {

  private List<KeyValue> entries;
  private boolean copied;

  public MutableAttributes(List<KeyValue> original) {
    this.entries = original;
  }

  /** The value of a key, or {@code null} when it is absent. */
  public AnyValue get(String key) {
    int index = indexOf(key);
    return index < 0 ? null : entries.get(index).getValue();
  }

  public boolean contains(String key) {
    return indexOf(key) >= 0;
  }

  public void put(String key, AnyValue value) {
    put(indexOf(key), KeyValue.newBuilder().setKey(key).setValue(value).build());
  }

  /**
   * Replaces the entry at {@code index}, or adds {@code entry} last when {@code index} is negative
   * — for callers that looked the key up already or built the entry once in advance.
   */
  public void put(int index, KeyValue entry) {
    writable();
    if (index < 0) {
      entries.add(entry);
    } else {
      entries.set(index, entry);
    }
  }

  public boolean remove(String key) {
    int index = indexOf(key);
    if (index < 0) {
      return false;
    }
    writable();
    entries.remove(index);
    return true;
  }

  public int size() {
    return entries.size();
  }

  public String keyAt(int index) {
    return entries.get(index).getKey();
  }

  /** Whether any write happened since this view was made. */
  public boolean changed() {
    return copied;
  }

  /** The current list; the original instance when nothing changed. */
  public List<KeyValue> entries() {
    return entries;
  }

  /** The position of a key, or -1 when it is absent. */
  public int indexOf(String key) {
    List<KeyValue> list = entries;
    for (int i = 0, n = list.size(); i < n; i++) {
      if (list.get(i).getKey().equals(key)) {
        return i;
      }
    }
    return -1;
  }

  private void writable() {
    if (!copied) {
      entries = new ArrayList<>(entries);
      copied = true;
    }
  }
}
