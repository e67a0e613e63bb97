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
      long tag = 0;
      int shift = 0;
      byte b;
      do {
        b = bytes[position++];
        tag |= (long) (b & 0x7F) << shift;
        shift += 7;
      } while (b < 0);
      position = skipValue(bytes, position, (int) (tag & 7));
      if (count == ends.length) {
        ends = Arrays.copyOf(ends, count * 2);
      }
      ends[count++] = position;
    }
    return Arrays.copyOf(ends, count);
  }

  private static int skipValue(byte[] bytes, int position, int wireType) {
    switch (wireType) {
      case WireScanner.VARINT -> {
        while (bytes[position++] < 0) {
          // continuation bytes
        }
        return position;
      }
      case WireScanner.FIXED64 -> {
        return position + 8;
      }
      case WireScanner.FIXED32 -> {
        return position + 4;
      }
      case WireScanner.LENGTH_DELIMITED -> {
        long length = 0;
        int shift = 0;
        byte b;
        do {
          b = bytes[position++];
          length |= (long) (b & 0x7F) << shift;
          shift += 7;
        } while (b < 0);
        return position + (int) length;
      }
      default ->
          // A group at the top level: rare enough to leave to the parsing path.
          throw new IllegalArgumentException("a top-level group cannot be cut on the wire");
    }
  }
}
