package io.otelring.core.otlpjson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads one OTLP/JSON document into a protobuf builder, walking the message's descriptor. Keys the
 * message does not know are skipped, {@code null} means "not set", and every error names the path
 * of the value that is wrong.
 */
final class MessageReader {

  /** Protobuf's own parser stops at 100 nested messages; JSON gets the same limit. */
  static final int MAX_DEPTH = 100;

  private static final BigInteger UNSIGNED_64_MAX =
      BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private final JsonParser parser;
  private final List<String> path = new ArrayList<>();

  MessageReader(JsonParser parser) {
    this.parser = parser;
  }

  /** Reads the whole document, which must be one object and nothing after it. */
  void readDocument(Message.Builder builder) throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      throw fail("the body must be a JSON object");
    }
    readObject(builder, 1);
    if (parser.nextToken() != null) {
      throw fail("unexpected content after the JSON object");
    }
  }

  private void readObject(Message.Builder builder, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw fail("nested more than " + MAX_DEPTH + " levels deep");
    }
    FieldTable table = FieldTable.of(builder.getDescriptorForType());
    for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
      JsonToken token = parser.nextToken();
      FieldDescriptor field = table.field(key);
      if (field == null || token == JsonToken.VALUE_NULL || isAny(field)) {
        // Unknown keys are ignored, as the OTLP spec asks; null is the default value.
        parser.skipChildren();
        continue;
      }
      path.add(field.getJsonName());
      if (field.isRepeated()) {
        if (token != JsonToken.START_ARRAY) {
          throw fail("must be an array");
        }
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          path.add("[" + index++ + "]");
          builder.addRepeatedField(field, readValue(builder, field, table, depth));
          path.remove(path.size() - 1);
        }
      } else {
        builder.setField(field, readValue(builder, field, table, depth));
      }
      path.remove(path.size() - 1);
    }
  }

  private Object readValue(
      Message.Builder parent, FieldDescriptor field, FieldTable table, int depth)
      throws IOException {
    JsonToken token = parser.currentToken();
    return switch (field.getJavaType()) {
      case MESSAGE -> {
        if (token != JsonToken.START_OBJECT) {
          throw fail("must be an object");
        }
        Message.Builder child = parent.newBuilderForField(field);
        readObject(child, depth + 1);
        yield child.build();
      }
      case INT -> readInt(field);
      case LONG -> readLong(field);
      case DOUBLE -> readDouble();
      case FLOAT -> (float) readDouble();
      case BOOLEAN -> readBoolean();
      case STRING -> {
        if (token != JsonToken.VALUE_STRING) {
          throw fail("must be a string");
        }
        yield parser.getText();
      }
      case BYTE_STRING -> table.isHexId(field) ? readHex() : readBase64();
      case ENUM -> readEnum(field.getEnumType());
    };
  }

  private int readInt(FieldDescriptor field) throws IOException {
    BigInteger value = readInteger();
    boolean unsigned =
        field.getType() == FieldDescriptor.Type.UINT32
            || field.getType() == FieldDescriptor.Type.FIXED32;
    if (unsigned) {
      if (value.signum() < 0 || value.bitLength() > 32) {
        throw fail("must be an unsigned 32-bit integer, got " + value);
      }
      return (int) value.longValue();
    }
    if (value.bitLength() > 31) {
      throw fail("must be a 32-bit integer, got " + value);
    }
    return value.intValue();
  }

  private long readLong(FieldDescriptor field) throws IOException {
    BigInteger value = readInteger();
    boolean unsigned =
        field.getType() == FieldDescriptor.Type.UINT64
            || field.getType() == FieldDescriptor.Type.FIXED64;
    if (unsigned) {
      if (value.signum() < 0 || value.compareTo(UNSIGNED_64_MAX) > 0) {
        throw fail("must be an unsigned 64-bit integer, got " + value);
      }
      return value.longValue();
    }
    if (value.bitLength() > 63) {
      throw fail("must be a 64-bit integer, got " + value);
    }
    return value.longValue();
  }

  /** An integer written as a JSON number or a decimal string (how 64-bit integers are sent). */
  private BigInteger readInteger() throws IOException {
    JsonToken token = parser.currentToken();
    try {
      if (token == JsonToken.VALUE_NUMBER_INT) {
        return parser.getBigIntegerValue();
      }
      if (token == JsonToken.VALUE_NUMBER_FLOAT) {
        return parser.getDecimalValue().toBigIntegerExact();
      }
      if (token == JsonToken.VALUE_STRING) {
        return new BigDecimal(parser.getText().trim()).toBigIntegerExact();
      }
    } catch (ArithmeticException | NumberFormatException e) {
      throw fail("must be an integer, got " + describe());
    }
    throw fail("must be an integer, got " + describe());
  }

  private double readDouble() throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      return parser.getDoubleValue();
    }
    if (token == JsonToken.VALUE_STRING) {
      String text = parser.getText();
      switch (text) {
        case "NaN":
          return Double.NaN;
        case "Infinity":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
          return Double.NEGATIVE_INFINITY;
        default:
          try {
            return Double.parseDouble(text.trim());
          } catch (NumberFormatException e) {
            throw fail("must be a number, got " + describe());
          }
      }
    }
    throw fail("must be a number, got " + describe());
  }

  private boolean readBoolean() throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
      return token == JsonToken.VALUE_TRUE;
    }
    if (token == JsonToken.VALUE_STRING && parser.getText().matches("true|false")) {
      return Boolean.parseBoolean(parser.getText());
    }
    throw fail("must be true or false, got " + describe());
  }

  private ByteString readHex() throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw fail("must be a hex string");
    }
    try {
      return ByteString.copyFrom(HexFormat.of().parseHex(parser.getText()));
    } catch (IllegalArgumentException e) {
      throw fail("must be a hex string, got " + describe());
    }
  }

  private ByteString readBase64() throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw fail("must be a base64 string");
    }
    String text = parser.getText();
    try {
      // Proto3 JSON accepts the standard and the URL-safe alphabet, padded or not.
      boolean urlSafe = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
      return ByteString.copyFrom(
          (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text));
    } catch (IllegalArgumentException e) {
      throw fail("must be base64, got " + describe());
    }
  }

  /** An enum as its number (what OTLP/JSON writes) or as its name (what proto3 JSON writes). */
  private EnumValueDescriptor readEnum(EnumDescriptor type) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      EnumValueDescriptor byName = type.findValueByName(parser.getText());
      if (byName != null) {
        return byName;
      }
    }
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_STRING) {
      BigInteger number;
      try {
        number = readInteger();
      } catch (OtlpJsonException e) {
        throw fail("must be a " + type.getName() + " number or name, got " + describe());
      }
      if (number.bitLength() > 31) {
        throw fail("must be a " + type.getName() + " number, got " + number);
      }
      return type.findValueByNumberCreatingIfUnknown(number.intValue());
    }
    throw fail("must be a " + type.getName() + " number or name, got " + describe());
  }

  private static boolean isAny(FieldDescriptor field) {
    return field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
        && field.getMessageType().getFullName().equals("google.protobuf.Any");
  }

  private String describe() throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      String text = parser.getText();
      return "\"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"";
    }
    if (token == JsonToken.START_OBJECT) {
      return "an object";
    }
    if (token == JsonToken.START_ARRAY) {
      return "an array";
    }
    return parser.getText();
  }

  OtlpJsonException fail(String reason) {
    return new OtlpJsonException(path.isEmpty() ? reason : where() + ": " + reason);
  }

  private String where() {
    StringBuilder text = new StringBuilder();
    for (String segment : path) {
      if (!text.isEmpty() && !segment.startsWith("[")) {
        text.append('.');
      }
      text.append(segment);
    }
    return text.toString();
  }
}
