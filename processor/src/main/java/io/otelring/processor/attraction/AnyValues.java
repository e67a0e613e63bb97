package io.otelring.processor.attraction;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Conversions of OTLP attribute values as the Go collector's {@code pcommon.Value} does them: from
 * a YAML config value ({@code FromRaw}), to a string ({@code AsString}), and the SHA-256 hash of
 * the {@code hash} action.
 */
public final class AnyValues {

  private AnyValues() {}

  public static AnyValue string(String value) {
    return AnyValue.newBuilder().setStringValue(value).build();
  }

  public static AnyValue integer(long value) {
    return AnyValue.newBuilder().setIntValue(value).build();
  }

  public static AnyValue number(double value) {
    return AnyValue.newBuilder().setDoubleValue(value).build();
  }

  public static AnyValue bool(boolean value) {
    return AnyValue.newBuilder().setBoolValue(value).build();
  }

  /**
   * The value a YAML config value stands for: strings, integers, floats, booleans, lists (array)
   * and maps (kvlist), as {@code pcommon.Value.FromRaw}.
   *
   * @throws IllegalArgumentException for a type OTLP cannot hold
   */
  public static AnyValue fromConfig(Object raw) {
    if (raw == null) {
      return AnyValue.getDefaultInstance();
    }
    if (raw instanceof String s) {
      return string(s);
    }
    if (raw instanceof Boolean b) {
      return bool(b);
    }
    if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
      return integer(((Number) raw).longValue());
    }
    if (raw instanceof BigInteger big) {
      if (big.bitLength() >= 64) {
        throw new IllegalArgumentException("integer " + big + " does not fit in 64 bits");
      }
      return integer(big.longValue());
    }
    if (raw instanceof Number n) {
      return number(n.doubleValue());
    }
    if (raw instanceof byte[] bytes) {
      return AnyValue.newBuilder().setBytesValue(ByteString.copyFrom(bytes)).build();
    }
    if (raw instanceof List<?> list) {
      ArrayValue.Builder array = ArrayValue.newBuilder();
      list.forEach(item -> array.addValues(fromConfig(item)));
      return AnyValue.newBuilder().setArrayValue(array).build();
    }
    if (raw instanceof Map<?, ?> map) {
      KeyValueList.Builder kvlist = KeyValueList.newBuilder();
      map.forEach(
          (k, v) ->
              kvlist.addValues(KeyValue.newBuilder().setKey(k.toString()).setValue(fromConfig(v))));
      return AnyValue.newBuilder().setKvlistValue(kvlist).build();
    }
    throw new IllegalArgumentException("unsupported value type " + raw.getClass().getSimpleName());
  }

  /** The Go type name of a value, for messages ({@code Str}, {@code Int}, …). */
  public static String typeName(AnyValue value) {
    return switch (value.getValueCase()) {
      case STRING_VALUE -> "Str";
      case BOOL_VALUE -> "Bool";
      case INT_VALUE -> "Int";
      case DOUBLE_VALUE -> "Double";
      case ARRAY_VALUE -> "Slice";
      case KVLIST_VALUE -> "Map";
      case BYTES_VALUE -> "Bytes";
      default -> "Empty";
    };
  }

  /** The value as text, as {@code pcommon.Value.AsString}: maps and lists as JSON. */
  public static String asString(AnyValue value) {
    return switch (value.getValueCase()) {
      case STRING_VALUE -> value.getStringValue();
      case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
      case INT_VALUE -> Long.toString(value.getIntValue());
      case DOUBLE_VALUE -> formatDouble(value.getDoubleValue());
      case BYTES_VALUE -> Base64.getEncoder().encodeToString(value.getBytesValue().toByteArray());
      case ARRAY_VALUE, KVLIST_VALUE -> {
        StringBuilder out = new StringBuilder();
        writeJson(value, out);
        yield out.toString();
      }
      default -> "";
    };
  }

  /**
   * A double as Go's {@code AsString} writes it: like ECMAScript's number to string, plain digits
   * between 1e-6 and 1e21, exponent form outside.
   */
  static String formatDouble(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return "json: unsupported value: " + (Double.isNaN(d) ? "NaN" : d > 0 ? "+Inf" : "-Inf");
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0" : "0";
    }
    double abs = Math.abs(d);
    BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    if (abs >= 1e-6 && abs < 1e21) {
      return exact.toPlainString();
    }
    String unscaled = exact.unscaledValue().abs().toString();
    int exponent = unscaled.length() - 1 - exact.scale();
    String mantissa =
        unscaled.length() == 1 ? unscaled : unscaled.charAt(0) + "." + unscaled.substring(1);
    return (d < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
  }

  private static void writeJson(AnyValue value, StringBuilder out) {
    switch (value.getValueCase()) {
      case STRING_VALUE -> quote(value.getStringValue(), out);
      case BOOL_VALUE, INT_VALUE, DOUBLE_VALUE -> out.append(asString(value));
      case BYTES_VALUE -> quote(asString(value), out);
      case ARRAY_VALUE -> {
        out.append('[');
        List<AnyValue> values = value.getArrayValue().getValuesList();
        for (int i = 0; i < values.size(); i++) {
          out.append(i == 0 ? "" : ",");
          writeJson(values.get(i), out);
        }
        out.append(']');
      }
      case KVLIST_VALUE -> {
        out.append('{');
        List<KeyValue> values = value.getKvlistValue().getValuesList();
        for (int i = 0; i < values.size(); i++) {
          out.append(i == 0 ? "" : ",");
          quote(values.get(i).getKey(), out);
          out.append(':');
          writeJson(values.get(i).getValue(), out);
        }
        out.append('}');
      }
      default -> out.append("null");
    }
  }

  private static void quote(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /**
   * The {@code hash} action's result: the hex SHA-256 of a string's UTF-8 bytes, of one byte for a
   * boolean, of the little-endian 8 bytes of an int or a double; other values (and an empty string)
   * become an empty string, as in Go.
   */
  public static AnyValue sha256(AnyValue value) {
    byte[] input =
        switch (value.getValueCase()) {
          case STRING_VALUE -> value.getStringValue().getBytes(StandardCharsets.UTF_8);
          case BOOL_VALUE -> new byte[] {(byte) (value.getBoolValue() ? 1 : 0)};
          case INT_VALUE ->
              ByteBuffer.allocate(8)
                  .order(ByteOrder.LITTLE_ENDIAN)
                  .putLong(value.getIntValue())
                  .array();
          case DOUBLE_VALUE ->
              ByteBuffer.allocate(8)
                  .order(ByteOrder.LITTLE_ENDIAN)
                  .putLong(Double.doubleToRawLongBits(value.getDoubleValue()))
                  .array();
          default -> new byte[0];
        };
    if (input.length == 0) {
      return string("");
    }
    return string(HEX.formatHex(SHA_256.get().digest(input)));
  }

  private static final HexFormat HEX = HexFormat.of();

  /** One digest per thread: looking one up costs more than hashing a short attribute. */
  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
          });
}
