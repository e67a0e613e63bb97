package io.otelring.core.wire;

import java.util.Arrays;

/**
 * Where the top-level fields of an encoded export request begin and end. Each is one {@code
 * resource_spans} / {@code resource_metrics} / {@code resource_logs} entry, tag and length
 * included, so any run of them is itself a valid request: a request too large to send can be cut
 * between them without being parsed. The bytes must already have passed {@link WireScanner}.
 */
public final class TopLevelFields {

  private TopLevelFields() {}

  /**
   * The boundaries of the top-level fields: {@code [0, end of field 1, end of field 2, …, length]}.
   */
  public static int[] boundaries(byte[] bytes) {
    int[] ends = new int[16];
    int count = 0;
    ends[count++] = 0;
    int position = 0;
    while (position < bytes.length) {
      long tag = WireValues.varint(bytes, position);
      position = WireValues.afterVarint(bytes, position);
      int wireType = (int) (tag & 7);
      if (wireType == WireScanner.START_GROUP) {
        // A group at the top level: rare enough to leave to the parsing path.
        throw new IllegalArgumentException("a top-level group cannot be cut on the wire");
      }
      position = WireValues.skip(bytes, position, (int) (tag >>> 3), wireType);
      if (count == ends.length) {
        ends = Arrays.copyOf(ends, count * 2);
      }
      ends[count++] = position;
    }
    return Arrays.copyOf(ends, count);
  }
}
