package io.otelring.core.wire;

/**
 * How many times a field occurs at the end of a path of nested messages in an encoded request,
 * counted on the wire: {@code count(bytes, 1)} is a metrics request's {@code resource_metrics},
 * {@code count(bytes, 1, 2, 2)} its metrics. The bytes must already have passed {@link
 * WireScanner}, which checked every tag and length this walk trusts.
 */
public final class FieldCounts {

  private FieldCounts() {}

  /** Occurrences of the last field of {@code path}, each inside an occurrence of the one before. */
  public static int count(byte[] bytes, int... path) {
    if (path.length == 0) {
      throw new IllegalArgumentException("a path of at least one field");
    }
    return count(bytes, 0, bytes.length, path, 0);
  }

  private static int count(byte[] bytes, int from, int to, int[] path, int depth) {
    int count = 0;
    int position = from;
    while (position < to) {
      long tag = WireValues.varint(bytes, position);
      position = WireValues.afterVarint(bytes, position);
      int field = (int) (tag >>> 3);
      int wireType = (int) (tag & 7);
      if (wireType != WireScanner.LENGTH_DELIMITED) {
        position = WireValues.skip(bytes, position, field, wireType);
        continue;
      }
      int length = (int) WireValues.varint(bytes, position);
      position = WireValues.afterVarint(bytes, position);
      int end = position + length;
      if (field == path[depth]) {
        count += depth == path.length - 1 ? 1 : count(bytes, position, end, path, depth + 1);
      }
      position = end;
    }
    return count;
  }
}
