package io.otelring.exporter.sending;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads a config section as Go's {@code configoptional} does: absent is null (the section is off,
 * or its owner's default applies), present with no value is every default, otherwise its keys as
 * written. Jackson binds an explicit null exactly as an absent key, so the two are told apart here.
 *
 * @param <T> the section's record
 * @param <K> a record of the same keys, bound by Jackson as usual (unknown keys still fail)
 */
abstract class OptionalSection<T, K> extends StdDeserializer<T> {

  private final Class<K> keys;
  private final Function<K, T> fromKeys;
  private final Supplier<T> defaults;

  OptionalSection(Class<T> type, Class<K> keys, Function<K, T> fromKeys, Supplier<T> defaults) {
    super(type);
    this.keys = keys;
    this.fromKeys = fromKeys;
    this.defaults = defaults;
  }

  @Override
  public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    // Bound on the same parser, so that an unknown key's path names the whole section. Never
    // null: Jackson would take a null for the null value, every default.
    return fromKeys.apply(context.readValue(parser, keys));
  }

  @Override
  public T getNullValue(DeserializationContext context) {
    return defaults.get();
  }

  @Override
  public Object getAbsentValue(DeserializationContext context) {
    return null;
  }
}
