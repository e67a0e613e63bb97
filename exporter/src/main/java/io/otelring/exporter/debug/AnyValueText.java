package io.otelring.exporter.debug;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders an OTLP {@link AnyValue} as the Go collector's pdata does: the type names of {@code
 * Value.Type().String()} and the text of {@code Value.AsString()}, where maps and slices become the
 * JSON of Go's {@code encoding/json} (keys sorted, HTML characters escaped, bytes in base64).
 */
final class AnyValueText {

  /** Go compares strings byte by byte in UTF-8, which is code point order. */
  private static final Comparator<String> GO_STRING_ORDER =
      (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
          int ca = a.codePointAt(i);
          int cb = b.codePointAt(j);
          if (ca != cb) {
            return Integer.compare(ca, cb);
          }
          i += Character.charCount(ca);
          j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
      };

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private AnyValueText() {}

  /** {@code Str(value)}, {@code Int(42)}, {@code Map({"k":"v"})}: the detailed form. */
  static String typed(AnyValue value) {
    return typeName(value) + "(" + asString(value) + ")";
  }

  static String typeName(AnyValue value) {
    return switch (value.getValueCase()) {
      case STRING_VALUE -> "Str";
      case BOOL_VALUE -> "Bool";
      case INT_VALUE -> "Int";
      case DOUBLE_VALUE -> "Double";
      case ARRAY_VALUE -> "Slice";
      case KVLIST_VALUE -> "Map";
      case BYTES_VALUE -> "Bytes";
      // pdata v1.34 does not know string_value_strindex (profiles only) and leaves it empty.
      case STRING_VALUE_STRINDEX, VALUE_NOT_SET -> "Empty";
    };
  }

  /** pdata's {@code Value.AsString()}. */
  static String asString(AnyValue value) {
    return switch (value.getValueCase()) {
      case STRING_VALUE -> value.getStringValue();
      case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
      case INT_VALUE -> Long.toString(value.getIntValue());
      case DOUBLE_VALUE -> GoFloatFormat.pdataDouble(value.getDoubleValue());
      case BYTES_VALUE -> base64(value.getBytesValue());
      case ARRAY_VALUE, KVLIST_VALUE -> jsonOrEmpty(value);
      case STRING_VALUE_STRINDEX, VALUE_NOT_SET -> "";
    };
  }

  /** Go's json.Marshal fails on NaN and infinities, and pdata then prints nothing. */
  private static String jsonOrEmpty(AnyValue value) {
    StringBuilder out = new StringBuilder();
    try {
      appendJson(out, value);
    } catch (UnsupportedJsonValue e) {
      return "";
    }
    return out.toString();
  }

  private static void appendJson(StringBuilder out, AnyValue value) {
    switch (value.getValueCase()) {
      case STRING_VALUE -> appendJsonString(out, value.getStringValue());
      case BOOL_VALUE -> out.append(value.getBoolValue());
      case INT_VALUE -> out.append(value.getIntValue());
      case DOUBLE_VALUE -> {
        String number = GoFloatFormat.json(value.getDoubleValue());
        if (number == null) {
          throw new UnsupportedJsonValue();
        }
        out.append(number);
      }
      case BYTES_VALUE -> appendJsonString(out, base64(value.getBytesValue()));
      case ARRAY_VALUE -> {
        out.append('[');
        List<AnyValue> values = value.getArrayValue().getValuesList();
        for (int i = 0; i < values.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          appendJson(out, values.get(i));
        }
        out.append(']');
      }
      case KVLIST_VALUE -> {
        // Go goes through map[string]any: keys sorted, and a repeated key keeps its last value.
        Map<String, AnyValue> sorted = new TreeMap<>(GO_STRING_ORDER);
        for (KeyValue kv : value.getKvlistValue().getValuesList()) {
          sorted.put(kv.getKey(), kv.getValue());
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, AnyValue> entry : sorted.entrySet()) {
          if (!first) {
            out.append(',');
          }
          first = false;
          appendJsonString(out, entry.getKey());
          out.append(':');
          appendJson(out, entry.getValue());
        }
        out.append('}');
      }
      case STRING_VALUE_STRINDEX, VALUE_NOT_SET -> out.append("null");
    }
  }

  /** Go's encoding/json string escaping, with its default HTML escaping of {@code <>&}. */
  private static void appendJsonString(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"', '\\' -> out.append('\\').append(c);
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> unicodeEscape(out, c);
        default -> {
          if (c < 0x20) {
            unicodeEscape(out, c);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static void unicodeEscape(StringBuilder out, char c) {
    out.append("\\u")
        .append(HEX[(c >> 12) & 0xF])
        .append(HEX[(c >> 8) & 0xF])
        .append(HEX[(c >> 4) & 0xF])
        .append(HEX[c & 0xF]);
  }

  private static String base64(ByteString bytes) {
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }

  /** Signals a value Go's JSON encoder refuses; carries no stack, it is control flow. */
  private static final class UnsupportedJsonValue extends RuntimeException {
    UnsupportedJsonValue() {
      super(null, null, false, false);
    }
  }
}
