package io.otelring.core.wire;

import io.otelring.core.component.Signal;
import java.util.Arrays;

/**
 * Cuts a checked export request in two after a number of items (spans, data points, log records)
 * without parsing it. Walking down to the cut, children that come before it go to the head and
 * those after it to the tail as the byte ranges they are; each message the cut passes through (a
 * resource group, a scope group, a metric and its data) is written into both halves, with all its
 * other fields — resource, scope, schema URL, a metric's name, unit and temporality — copied into
 * each. That is what the parsed path does at every level ({@code toBuilder().clearX()} and half the
 * children), as Go's split functions do; here it costs one walk and one copy of the request.
 *
 * <p>A child without items before the cut goes with the head, one after it with the tail, as in Go.
 */
public final class WireCut {

  /** The two requests: the first {@code room} items, and the rest. */
  public record Halves(byte[] head, byte[] tail) {}

  private WireCut() {}

  /**
   * Cuts checked request bytes of {@code signal} after {@code room} items; {@code room} must be
   * positive and less than the request's item count.
   */
  public static Halves cut(Signal signal, byte[] bytes, int room) {
    if (room <= 0) {
      throw new IllegalArgumentException("room must be positive: " + room);
    }
    Slices head = new Slices();
    Slices tail = new Slices();
    try {
      int left = cut(WireScanner.shapeOf(signal), bytes, 0, bytes.length, room, head, tail);
      if (left > 0) {
        throw new IllegalArgumentException("the request holds fewer than " + room + " items");
      }
    } catch (MalformedWireException e) {
      throw new IllegalArgumentException("these bytes were not checked: " + e.getMessage(), e);
    }
    return new Halves(head.toByteArray(), tail.toByteArray());
  }

  /**
   * Splits the fields of one message in {@code [start, end)} between the halves; returns the room
   * left (0 once the cut is made).
   */
  private static int cut(
      MessageShape shape, byte[] bytes, int start, int end, int room, Slices head, Slices tail)
      throws MalformedWireException {
    WireScanner reader = new WireScanner(bytes, start);
    int left = room;
    while (reader.position < end) {
      int fieldStart = reader.position;
      int tag = reader.tag(end);
      int field = tag >>> 3;
      int wireType = tag & 7;
      if (wireType != WireScanner.LENGTH_DELIMITED || !holdsItems(shape, field)) {
        reader.skip(wireType, field, end, 0);
        head.add(bytes, fieldStart, reader.position);
        tail.add(bytes, fieldStart, reader.position);
        continue;
      }
      int length = reader.length(end); // read first: it moves the position past the length itself
      int valueStart = reader.position;
      int valueEnd = valueStart + length;
      reader.position = valueEnd;
      if (left == 0) {
        tail.add(bytes, fieldStart, valueEnd);
        continue;
      }
      MessageShape child = shape.child[field];
      int items =
          shape.item[field] ? 1 : WireScanner.countChecked(child, bytes, valueStart, valueEnd);
      if (items <= left) {
        head.add(bytes, fieldStart, valueEnd);
        left -= items;
        continue;
      }
      // The cut falls inside this child: each half gets a copy of it with its share.
      Slices childHead = new Slices();
      Slices childTail = new Slices();
      cut(child, bytes, valueStart, valueEnd, left, childHead, childTail);
      head.addField(tag, childHead);
      tail.addField(tag, childTail);
      left = 0;
    }
    return left;
  }

  private static boolean holdsItems(MessageShape shape, int field) {
    return shape.known(field)
        && shape.wireType[field] == WireScanner.LENGTH_DELIMITED
        && (shape.item[field] || shape.leadsToItems[field]);
  }

  /** A message body as a list of byte ranges, written out once at the end. */
  private static final class Slices {
    private byte[][] arrays = new byte[8][];
    private int[] starts = new int[8];
    private int[] ends = new int[8];
    private int count;
    private int length;

    void add(byte[] array, int start, int end) {
      if (count == arrays.length) {
        arrays = Arrays.copyOf(arrays, count * 2);
        starts = Arrays.copyOf(starts, count * 2);
        ends = Arrays.copyOf(ends, count * 2);
      }
      arrays[count] = array;
      starts[count] = start;
      ends[count] = end;
      count++;
      length += end - start;
    }

    /** Appends a length-delimited field holding {@code body}: its tag, its length, its ranges. */
    void addField(int tag, Slices body) {
      byte[] prefix = new byte[10];
      int at = putVarint(prefix, 0, tag);
      at = putVarint(prefix, at, body.length);
      add(prefix, 0, at);
      for (int i = 0; i < body.count; i++) {
        add(body.arrays[i], body.starts[i], body.ends[i]);
      }
    }

    byte[] toByteArray() {
      byte[] out = new byte[length];
      int at = 0;
      for (int i = 0; i < count; i++) {
        int size = ends[i] - starts[i];
        System.arraycopy(arrays[i], starts[i], out, at, size);
        at += size;
      }
      return out;
    }

    private static int putVarint(byte[] out, int at, int value) {
      while ((value & ~0x7F) != 0) {
        out[at++] = (byte) ((value & 0x7F) | 0x80);
        value >>>= 7;
      }
      out[at++] = (byte) value;
      return at;
    }
  }
}
