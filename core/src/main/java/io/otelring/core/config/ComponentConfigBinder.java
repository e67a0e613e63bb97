package io.otelring.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.otelring.core.component.ComponentConfig;
import io.otelring.core.component.Factory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Binds one component's YAML over its factory's defaults, then validates: defaults, overlay, {@code
 * validate()}, as the Go collector does. Every unknown key is reported (with the closest known
 * key), not only the first; problems are paths relative to the component.
 */
public final class ComponentConfigBinder {

  private final ObjectMapper mapper = ConfigModule.newMapper();

  /** The outcome of binding: the config, or the problems (each {@code relative::path: message}). */
  public record Result<C>(C config, List<String> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  public <C extends ComponentConfig> Result<C> bind(Factory<C> factory, JsonNode yaml) {
    return bind(factory.configType(), factory.defaultConfig(), yaml);
  }

  public <C extends ComponentConfig> Result<C> bind(Class<C> type, C defaults, JsonNode yaml) {
    ObjectNode tree = mapper.valueToTree(defaults);
    if (yaml != null && !yaml.isNull() && !yaml.isMissingNode()) {
      if (!(yaml instanceof ObjectNode overlay)) {
        return new Result<>(
            null, List.of(": must be a map of settings, not a " + ConfigSource.kind(yaml)));
      }
      ConfigSource.deepMerge(tree, overlay);
    }
    List<String> problems = new ArrayList<>();
    C config;
    try {
      config =
          mapper
              .readerFor(type)
              .withHandler(new UnknownKeyCollector(problems))
              .readValue(mapper.treeAsTokens(tree));
    } catch (java.io.IOException e) {
      problems.add(describe(e));
      return new Result<>(null, problems);
    }
    if (!problems.isEmpty()) {
      return new Result<>(null, problems);
    }
    List<String> invalid = config.validate();
    return invalid.isEmpty() ? new Result<>(config, List.of()) : new Result<>(null, invalid);
  }

  private static String describe(java.io.IOException e) {
    if (e instanceof JsonMappingException mapping) {
      String path = path(mapping.getPath());
      String reason;
      if (e instanceof InvalidFormatException format) {
        reason =
            format.getMessage().contains("invalid duration")
                ? firstLine(format.getOriginalMessage()).replaceFirst(".*?(invalid duration)", "$1")
                : "cannot use \"" + format.getValue() + "\" as " + typeName(format.getTargetType());
      } else if (e instanceof MismatchedInputException mismatch) {
        reason = "expected " + typeName(mismatch.getTargetType());
      } else {
        reason = firstLine(mapping.getOriginalMessage());
      }
      return path + ": " + reason;
    }
    return ": " + firstLine(e.getMessage());
  }

  private static String path(List<JsonMappingException.Reference> references) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference reference : references) {
      if (!out.isEmpty()) {
        out.append("::");
      }
      out.append(
          reference.getFieldName() != null ? reference.getFieldName() : reference.getIndex());
    }
    return out.toString();
  }

  private static String typeName(Class<?> type) {
    if (type == null) {
      return "a different value";
    }
    if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
      return "an integer";
    }
    if (type == double.class || type == Double.class || type == float.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (List.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (type == java.time.Duration.class) {
      return "a duration such as 5s";
    }
    return "a map of settings";
  }

  private static String firstLine(String text) {
    return text == null ? "" : text.lines().findFirst().orElse("");
  }

  /** Records every unknown key with a suggestion, and skips it so binding goes on. */
  private static final class UnknownKeyCollector extends DeserializationProblemHandler {
    private final List<String> problems;

    UnknownKeyCollector(List<String> problems) {
      this.problems = problems;
    }

    @Override
    public boolean handleUnknownProperty(
        DeserializationContext context,
        JsonParser parser,
        JsonDeserializer<?> deserializer,
        Object beanOrClass,
        String propertyName)
        throws java.io.IOException {
      // The parser stands on, or inside, the unknown key's value; the nearest context that
      // carries the key's name is where the path ends. (A buffering parser, used for records,
      // names a list-valued key on the list's own context.)
      JsonStreamContext keyContext = parser.getParsingContext();
      while (keyContext != null && !propertyName.equals(keyContext.getCurrentName())) {
        keyContext = keyContext.getParent();
      }
      if (keyContext == null) {
        keyContext = parser.getParsingContext();
      }
      String path = contextPath(keyContext);
      Collection<Object> known = deserializer.getKnownPropertyNames();
      String suggestion = Suggestions.closest(propertyName, known);
      problems.add(
          path
              + ": unknown key"
              + (suggestion == null ? "" : "; did you mean \"" + suggestion + "\"?"));
      parser.skipChildren();
      return true;
    }

    private static String contextPath(JsonStreamContext context) {
      List<String> parts = new ArrayList<>();
      for (JsonStreamContext c = context; c != null; c = c.getParent()) {
        if (c.getCurrentName() != null) {
          parts.add(0, c.getCurrentName());
        } else if (c.inArray()) {
          parts.add(0, Integer.toString(Math.max(c.getCurrentIndex(), 0)));
        }
      }
      return String.join("::", parts);
    }
  }
}
