package io.otelring.core.consumer;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Request headers a receiver passes on with the data when {@code include_metadata} is set, so that
 * processors can batch per tenant ({@code metadata_keys}). Keys are lower case, as in HTTP/2.
 */
public final class ClientMetadata {

  public static final ClientMetadata EMPTY = new ClientMetadata(Map.of());

  private final Map<String, List<String>> values;

  private ClientMetadata(Map<String, List<String>> values) {
    this.values = values;
  }

  /** Copies the given headers, folding keys to lower case and merging values of equal keys. */
  public static ClientMetadata of(Map<String, List<String>> headers) {
    if (headers.isEmpty()) {
      return EMPTY;
    }
    Map<String, List<String>> folded = new TreeMap<>();
    headers.forEach(
        (key, list) ->
            folded.merge(
                key.toLowerCase(Locale.ROOT),
                List.copyOf(list),
                (a, b) -> {
                  var merged = new java.util.ArrayList<>(a);
                  merged.addAll(b);
                  return List.copyOf(merged);
                }));
    return new ClientMetadata(Map.copyOf(folded));
  }

  /** The values of a header, empty when it was not sent. The key is matched case-insensitively. */
  public List<String> get(String key) {
    return values.getOrDefault(key.toLowerCase(Locale.ROOT), List.of());
  }

  public Map<String, List<String>> asMap() {
    return values;
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ClientMetadata that && values.equals(that.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
