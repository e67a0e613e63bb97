package io.otelring.core.otlpjson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.MessageOrBuilder;
import java.io.IOException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Writes a protobuf message as OTLP/JSON, walking its descriptor: a field is written when it is set
 * (a oneof member or an {@code optional} field even at its default value, any other field only when
 * it differs from its default), as proto3 JSON does.
 */
final class MessageWriter {

  private static final HexFormat HEX = HexFormat.of();

  private final JsonGenerator generator;

  MessageWriter(JsonGenerator generator) {
    this.generator = generator;
  }

  void write(MessageOrBuilder message) throws IOException {
    if (message.getDescriptorForType().getFullName().equals("google.protobuf.Any")) {
      // Proto3 JSON writes Any with "@type" and the unpacked fields; no OTLP message needs it.
      throw new IllegalArgumentException("google.protobuf.Any has no OTLP/JSON form");
    }
    FieldTable table = FieldTable.of(message.getDescriptorForType());
    generator.writeStartObject();
    for (FieldDescriptor field : table.fields) {
      if (field.isRepeated()) {
        int count = message.getRepeatedFieldCount(field);
        if (count == 0) {
          continue;
        }
        generator.writeFieldName(table.jsonName(field));
        generator.writeStartArray();
        for (int i = 0; i < count; i++) {
          writeValue(table, field, message.getRepeatedField(field, i));
        }
        generator.writeEndArray();
      } else if (message.hasField(field)) {
        // hasField is true for a set oneof member or optional field, and otherwise only for a
        // value other than the default.
        generator.writeFieldName(table.jsonName(field));
        writeValue(table, field, message.getField(field));
      }
    }
    generator.writeEndObject();
  }

  private void writeValue(FieldTable table, FieldDescriptor field, Object value)
      throws IOException {
    switch (field.getType()) {
      case MESSAGE, GROUP -> write((MessageOrBuilder) value);
      case INT32, SINT32, SFIXED32 -> generator.writeNumber((int) value);
      case UINT32, FIXED32 -> generator.writeNumber(Integer.toUnsignedLong((int) value));
      // 64-bit integers are decimal strings: JavaScript numbers cannot hold them exactly.
      case INT64, SINT64, SFIXED64 -> generator.writeString(Long.toString((long) value));
      case UINT64, FIXED64 -> generator.writeString(Long.toUnsignedString((long) value));
      case DOUBLE -> writeDouble((double) value);
      case FLOAT -> writeDouble((float) value);
      case BOOL -> generator.writeBoolean((boolean) value);
      case STRING -> generator.writeString((String) value);
      case BYTES -> {
        byte[] bytes = ((ByteString) value).toByteArray();
        generator.writeString(
            table.isHexId(field)
                ? HEX.formatHex(bytes)
                : Base64.getEncoder().encodeToString(bytes));
      }
      // OTLP/JSON writes enums as their numbers, not their names.
      case ENUM -> generator.writeNumber(((EnumValueDescriptor) value).getNumber());
    }
  }

  private void writeDouble(double value) throws IOException {
    if (Double.isNaN(value)) {
      generator.writeString("NaN");
    } else if (Double.isInfinite(value)) {
      generator.writeString(value > 0 ? "Infinity" : "-Infinity");
    } else {
      generator.writeNumber(value);
    }
  }
}
