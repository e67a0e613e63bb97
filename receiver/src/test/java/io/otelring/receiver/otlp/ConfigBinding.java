package io.otelring.receiver.otlp;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binds receiver YAML the way the core loader will (snake_case keys, unknown keys fail, Go
 * durations), until that loader exists; the Go-duration parser here is deliberately tiny.
 */
final class ConfigBinding {

  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

  static final YAMLMapper MAPPER = mapper();

  private ConfigBinding() {}

  private static YAMLMapper mapper() {
    SimpleModule durations = new SimpleModule();
    durations.addDeserializer(
        Duration.class,
        new StdScalarDeserializer<>(Duration.class) {
          @Override
          public Duration deserialize(JsonParser parser, DeserializationContext context)
              throws IOException {
            return parseGoDuration(parser.getValueAsString());
          }
        });
    return YAMLMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .addModule(durations)
        .build();
  }

  static Duration parseGoDuration(String text) {
    boolean negative = text.startsWith("-");
    String rest = negative ? text.substring(1) : text;
    if (rest.equals("0")) {
      return Duration.ZERO;
    }
    Matcher matcher = PART.matcher(rest);
    long nanos = 0;
    int end = 0;
    while (matcher.find() && matcher.start() == end) {
      double value = Double.parseDouble(matcher.group(1));
      long unit =
          switch (matcher.group(2)) {
            case "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            default -> 3_600_000_000_000L;
          };
      nanos += (long) (value * unit);
      end = matcher.end();
    }
    if (end == 0 || end != rest.length()) {
      throw new IllegalArgumentException("not a Go duration: \"" + text + "\"");
    }
    return Duration.ofNanos(negative ? -nanos : nanos);
  }

  /** Binds the config of the receiver {@code otlp} from a whole collector config. */
  static OtlpReceiverConfig receiverConfig(String yaml) throws IOException {
    JsonNode root = MAPPER.readTree(yaml);
    JsonNode receiver = root.path("receivers").path("otlp");
    if (receiver.isMissingNode() || receiver.isNull()) {
      return new OtlpReceiverFactory().defaultConfig();
    }
    return MAPPER.treeToValue(receiver, OtlpReceiverConfig.class);
  }
}
