package io.otelring.core.otlpjson;

import com.fasterxml.jackson.core.io.SerializedString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the codec needs to know about one message type, computed once per type: the fields by both
 * of their JSON keys, their lowerCamelCase names ready to write, and which {@code bytes} fields are
 * trace or span ids (hex in OTLP/JSON, where every other {@code bytes} field is base64).
 */
final class FieldTable {

  /** The OTLP fields whose bytes are written as hex, wherever they occur (spans, links, logs…). */
  private static final Set<String> HEX_ID_FIELDS = Set.of("trace_id", "span_id", "parent_span_id");

  private static final Map<Descriptor, FieldTable> TABLES = new ConcurrentHashMap<>();

  final List<FieldDescriptor> fields;
  private final Map<String, FieldDescriptor> byKey;
  private final SerializedString[] jsonNames;
  private final boolean[] hexIds;

  private FieldTable(Descriptor descriptor) {
    fields = descriptor.getFields();
    byKey = new HashMap<>();
    jsonNames = new SerializedString[fields.size()];
    hexIds = new boolean[fields.size()];
    for (FieldDescriptor field : fields) {
      // The OTLP spec asks for lowerCamelCase; Go's receiver also reads the proto names.
      byKey.put(field.getJsonName(), field);
      byKey.putIfAbsent(field.getName(), field);
      jsonNames[field.getIndex()] = new SerializedString(field.getJsonName());
      hexIds[field.getIndex()] =
          field.getType() == FieldDescriptor.Type.BYTES && HEX_ID_FIELDS.contains(field.getName());
    }
  }

  static FieldTable of(Descriptor descriptor) {
    return TABLES.computeIfAbsent(descriptor, FieldTable::new);
  }

  /** The field a JSON key names, or null for a key this type does not have (ignored). */
  FieldDescriptor field(String key) {
    return byKey.get(key);
  }

  SerializedString jsonName(FieldDescriptor field) {
    return jsonNames[field.getIndex()];
  }

  boolean isHexId(FieldDescriptor field) {
    return hexIds[field.getIndex()];
  }
}
