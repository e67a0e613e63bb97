package io.otelring.processor.batch;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binds a component's YAML over its defaults the way the collector's loader will (snake_case keys,
 * unknown keys fail, Go durations), for config tests until the core loader exists.
 */
final class YamlConfigBinder {

  private static final Pattern GO_DURATION_PART =
      Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");
  private static final Map<String, Long> NANOS_PER_UNIT =
      Map.of(
          "ns", 1L,
          "us", 1_000L,
          "µs", 1_000L,
          "ms", 1_000_000L,
          "s", 1_000_000_000L,
          "m", 60_000_000_000L,
          "h", 3_600_000_000_000L);

  private static final YAMLMapper MAPPER = newMapper();

  private YamlConfigBinder() {}

  /** Reads a YAML resource and binds it over {@code defaults}, key by key. */
  static <C> C bind(String resource, C defaults, Class<C> type) {
    try (InputStream in = YamlConfigBinder.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + resource);
      }
      return overlay(MAPPER.readTree(in), defaults, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Binds YAML text over {@code defaults}, key by key. */
  static <C> C bindText(String yaml, C defaults, Class<C> type) {
    try {
      return overlay(MAPPER.readTree(yaml), defaults, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <C> C overlay(JsonNode yaml, C defaults, Class<C> type) throws IOException {
    ObjectNode merged = MAPPER.valueToTree(defaults);
    if (yaml != null && yaml.isObject()) {
      merged.setAll((ObjectNode) yaml);
    }
    return MAPPER.treeToValue(merged, type);
  }

  /** Parses a Go duration: a sign, then numbers with units, such as {@code 1m30s} or {@code 0}. */
  static Duration parseGoDuration(String text) {
    String rest = text.trim();
    boolean negative = rest.startsWith("-");
    if (negative || rest.startsWith("+")) {
      rest = rest.substring(1);
    }
    if (rest.equals("0")) {
      return Duration.ZERO;
    }
    Matcher part = GO_DURATION_PART.matcher(rest);
    BigDecimal nanos = BigDecimal.ZERO;
    int at = 0;
    while (at < rest.length() && part.find(at) && part.start() == at) {
      nanos =
          nanos.add(
              new BigDecimal(part.group(1))
                  .multiply(BigDecimal.valueOf(NANOS_PER_UNIT.get(part.group(2)))));
      at = part.end();
    }
    if (rest.isEmpty() || at != rest.length()) {
      throw new IllegalArgumentException("time: invalid duration \"" + text + "\"");
    }
    Duration duration = Duration.ofNanos(nanos.longValue());
    return negative ? duration.negated() : duration;
  }

  private static YAMLMapper newMapper() {
    SimpleModule durations = new SimpleModule();
    durations.addDeserializer(
        Duration.class,
        new JsonDeserializer<>() {
          @Override
          public Duration deserialize(JsonParser parser, DeserializationContext context)
              throws IOException {
            return parseGoDuration(parser.getValueAsString());
          }
        });
    durations.addSerializer(
        Duration.class,
        new JsonSerializer<>() {
          @Override
          public void serialize(
              Duration value, JsonGenerator generator, SerializerProvider provider)
              throws IOException {
            generator.writeString(value.toNanos() + "ns");
          }
        });
    YAMLMapper mapper = new YAMLMapper();
    mapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    mapper.registerModule(durations);
    return mapper;
  }
}
