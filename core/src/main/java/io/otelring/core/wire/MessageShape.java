package io.otelring.core.wire;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the scanner needs to know of one message type, taken once from its protobuf descriptor: for
 * each field number, the wire type its values have, whether it is a UTF-8 string, whether a
 * repeated scalar may come packed, its message type, and whether each occurrence is one item (a
 * span, a data point, a log record). Indexed by field number for a branch-light walk.
 */
final class MessageShape {

  static final byte UNKNOWN = -1;

  // What the scanner does with a field, looked up by its tag (field number and wire type): one
  // load instead of a chain of them (is the field known, its wire type, is it a string, a message,
  // an item) for every field of every span. GENERAL is a group or a wire type that is an error.
  static final byte GENERAL = 0;
  static final byte SKIP_VARINT = 1;
  static final byte SKIP_FIXED64 = 2;
  static final byte SKIP_FIXED32 = 3;
  static final byte SKIP_BYTES = 4;
  static final byte STRING = 5;
  static final byte ID = 6;
  static final byte MESSAGE = 7;
  static final byte ITEM = 8;
  static final byte PACKED = 9;
  static final byte ATTRIBUTE = 10; // a MESSAGE whose type is KeyValue: the scanner's fast path

  final byte[] wireType;
  final boolean[] utf8;
  final boolean[] packable;
  final boolean[] item;
  final int[] idLength;
  final MessageShape[] child;

  /** Whether this is the shape of {@code KeyValue}, an attribute. */
  private boolean keyValue;

  /**
   * Whether an item can occur inside this field's message: a count of items descends only there.
   */
  final boolean[] leadsToItems;

  /** The scanner's action for each tag of a field number up to the largest this type has. */
  private final byte[] actions;

  private MessageShape(int maxField) {
    actions = new byte[(maxField + 1) << 3];
    wireType = new byte[maxField + 1];
    utf8 = new boolean[maxField + 1];
    packable = new boolean[maxField + 1];
    item = new boolean[maxField + 1];
    idLength = new int[maxField + 1];
    child = new MessageShape[maxField + 1];
    leadsToItems = new boolean[maxField + 1];
    java.util.Arrays.fill(wireType, UNKNOWN);
  }

  /**
   * The shape of {@code root} and of every message type below it.
   *
   * @param items the fields whose every occurrence counts as one item, as {@code
   *     "package.Message.field"} full names
   * @param idLengths id fields and the one length they may have besides empty
   */
  static MessageShape of(Descriptor root, Set<String> items, Map<String, Integer> idLengths) {
    Map<Descriptor, MessageShape> shapes = new HashMap<>();
    MessageShape shape = of(root, items, idLengths, shapes);
    markPathsToItems(shapes.values());
    return shape;
  }

  /** Sets {@link #leadsToItems} until nothing changes: message types may contain themselves. */
  private static void markPathsToItems(Iterable<MessageShape> shapes) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (MessageShape shape : shapes) {
        for (int field = 0; field < shape.child.length; field++) {
          MessageShape child = shape.child[field];
          if (child != null
              && !shape.item[field]
              && !shape.leadsToItems[field]
              && child.holdsItems()) {
            shape.leadsToItems[field] = true;
            changed = true;
          }
        }
      }
    }
  }

  private boolean holdsItems() {
    for (int field = 0; field < item.length; field++) {
      if (item[field] || leadsToItems[field]) {
        return true;
      }
    }
    return false;
  }

  private static MessageShape of(
      Descriptor type,
      Set<String> items,
      Map<String, Integer> idLengths,
      Map<Descriptor, MessageShape> done) {
    MessageShape known = done.get(type);
    if (known != null) {
      return known;
    }
    int maxField = type.getFields().stream().mapToInt(FieldDescriptor::getNumber).max().orElse(0);
    MessageShape shape = new MessageShape(maxField);
    done.put(type, shape); // before the children: AnyValue contains itself
    shape.keyValue = type.equals(KeyValue.getDescriptor());
    for (FieldDescriptor field : type.getFields()) {
      int number = field.getNumber();
      shape.wireType[number] = (byte) wireTypeOf(field);
      shape.utf8[number] = field.getType() == FieldDescriptor.Type.STRING;
      shape.packable[number] = field.isPackable();
      shape.item[number] = items.contains(field.getFullName());
      shape.idLength[number] = idLengths.getOrDefault(field.getFullName(), 0);
      if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        shape.child[number] = of(field.getMessageType(), items, idLengths, done);
      }
    }
    for (int tag = 1 << 3; tag < shape.actions.length; tag++) {
      shape.actions[tag] = shape.actionFor(tag >>> 3, tag & 7);
    }
    return shape;
  }

  /**
   * What {@link WireScanner} does with a field of this tag (whose field number is not 0, and which
   * may be negative: a tag is a varint cut to 32 bits).
   */
  byte action(int tag) {
    if (tag >= 0 && tag < actions.length) {
      return actions[tag];
    }
    return skipping(tag & 7); // a field number beyond this type's: an unknown field
  }

  /** What {@link WireScanner} does with a field of this number and wire type, as an action. */
  private byte actionFor(int field, int wireType) {
    if (known(field) && wireType == this.wireType[field]) {
      if (wireType != WireScanner.LENGTH_DELIMITED) {
        return skipping(wireType);
      }
      if (child[field] != null) {
        if (item[field]) {
          return ITEM;
        }
        return child[field].keyValue ? ATTRIBUTE : MESSAGE;
      }
      if (utf8[field]) {
        return STRING;
      }
      return idLength[field] != 0 ? ID : SKIP_BYTES;
    }
    if (known(field) && wireType == WireScanner.LENGTH_DELIMITED && packable[field]) {
      return PACKED;
    }
    return skipping(wireType); // an unknown field, or a known one with another wire type
  }

  private static byte skipping(int wireType) {
    return switch (wireType) {
      case WireScanner.VARINT -> SKIP_VARINT;
      case WireScanner.FIXED64 -> SKIP_FIXED64;
      case WireScanner.FIXED32 -> SKIP_FIXED32;
      case WireScanner.LENGTH_DELIMITED -> SKIP_BYTES;
      default -> GENERAL; // groups, and the wire types that are errors
    };
  }

  private static int wireTypeOf(FieldDescriptor field) {
    return switch (field.getType()) {
      case DOUBLE, FIXED64, SFIXED64 -> WireScanner.FIXED64;
      case FLOAT, FIXED32, SFIXED32 -> WireScanner.FIXED32;
      case STRING, BYTES, MESSAGE -> WireScanner.LENGTH_DELIMITED;
      case GROUP -> WireScanner.START_GROUP;
      default -> WireScanner.VARINT;
    };
  }

  boolean known(int field) {
    return field < wireType.length && wireType[field] != UNKNOWN;
  }
}
