package io.otelring.processor.transform;

import com.google.common.primitives.UnsignedLong;
import com.google.protobuf.ByteString;
import dev.cel.common.values.CelByteString;
import dev.cel.common.values.NullValue;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.otelring.core.config.GoDuration;
import io.otelring.processor.attraction.AnyValues;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Conversions between OTLP attribute values and the Java values CEL evaluates with. */
final class CelValues {

  private CelValues() {}

  static Object toCel(AnyValue value) {
    return switch (value.getValueCase()) {
      case STRING_VALUE -> value.getStringValue();
      case BOOL_VALUE -> value.getBoolValue();
      case INT_VALUE -> value.getIntValue();
      case DOUBLE_VALUE -> value.getDoubleValue();
      case BYTES_VALUE -> CelByteString.of(value.getBytesValue().toByteArray());
      case ARRAY_VALUE -> {
        List<Object> list = new ArrayList<>(value.getArrayValue().getValuesCount());
        value.getArrayValue().getValuesList().forEach(v -> list.add(toCel(v)));
        yield list;
      }
      case KVLIST_VALUE -> {
        Map<String, Object> map = new LinkedHashMap<>();
        value
            .getKvlistValue()
            .getValuesList()
            .forEach(kv -> map.put(kv.getKey(), toCel(kv.getValue())));
        yield map;
      }
      default -> NullValue.NULL_VALUE;
    };
  }

  /** The attribute value of a CEL result, or {@code null} for null (the field is skipped). */
  static AnyValue toAnyValue(Object value) {
    if (value == null || value instanceof NullValue) {
      return null;
    }
    if (value instanceof String s) {
      return AnyValues.string(s);
    }
    if (value instanceof Boolean b) {
      return AnyValues.bool(b);
    }
    if (value instanceof Long || value instanceof Integer) {
      return AnyValues.integer(((Number) value).longValue());
    }
    if (value instanceof UnsignedLong u) {
      return AnyValues.integer(u.longValue());
    }
    if (value instanceof Double || value instanceof Float) {
      return AnyValues.number(((Number) value).doubleValue());
    }
    if (value instanceof CelByteString bytes) {
      return AnyValue.newBuilder().setBytesValue(ByteString.copyFrom(bytes.toByteArray())).build();
    }
    if (value instanceof Instant instant) {
      return AnyValues.string(instant.toString());
    }
    if (value instanceof Duration duration) {
      return AnyValues.string(GoDuration.format(duration));
    }
    if (value instanceof AttributeView view) {
      KeyValueList.Builder kvlist = KeyValueList.newBuilder();
      leaves(view, kvlist);
      return AnyValue.newBuilder().setKvlistValue(kvlist).build();
    }
    if (value instanceof Map<?, ?> map) {
      KeyValueList.Builder kvlist = KeyValueList.newBuilder();
      map.forEach(
          (k, v) -> {
            AnyValue converted = toAnyValue(v);
            if (converted != null) {
              kvlist.addValues(KeyValue.newBuilder().setKey(String.valueOf(k)).setValue(converted));
            }
          });
      return AnyValue.newBuilder().setKvlistValue(kvlist).build();
    }
    if (value instanceof List<?> list) {
      ArrayValue.Builder array = ArrayValue.newBuilder();
      for (Object item : list) {
        AnyValue converted = toAnyValue(item);
        array.addValues(converted == null ? AnyValue.getDefaultInstance() : converted);
      }
      return AnyValue.newBuilder().setArrayValue(array).build();
    }
    return AnyValues.string(String.valueOf(value));
  }

  /** The dotted keys under a view, relative to it, with their values: how a view goes back out. */
  static void leaves(AttributeView view, KeyValueList.Builder out) {
    String prefix = view.prefix();
    for (KeyValue kv : view.attributes()) {
      if (kv.getKey().startsWith(prefix) && kv.getKey().length() > prefix.length()) {
        out.addValues(kv.toBuilder().setKey(kv.getKey().substring(prefix.length())));
      }
    }
  }
}
