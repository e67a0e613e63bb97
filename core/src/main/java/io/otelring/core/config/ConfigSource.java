package io.otelring.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads one or more config sources into one tree, as the Go collector's {@code --config} does:
 * later sources deep-merge into earlier ones (maps merge key by key, lists and scalars are
 * replaced), then environment references expand. A source is a file path, {@code file:PATH}, or
 * {@code yaml:a::b: value} for one key given inline.
 */
public final class ConfigSource {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final YAMLFactory YAML = new YAMLFactory();

  private final ObjectNode root;
  private final Locations locations;

  private ConfigSource(ObjectNode root, Locations locations) {
    this.root = root;
    this.locations = locations;
  }

  /** Reads the given sources with the process environment. */
  public static ConfigSource load(List<String> sources) throws ConfigException {
    return load(sources, System.getenv()::get);
  }

  public static ConfigSource load(List<String> sources, Function<String, String> environment)
      throws ConfigException {
    if (sources.isEmpty()) {
      throw new ConfigException("no config given: use --config FILE");
    }
    ObjectNode merged = NODES.objectNode();
    Locations locations = new Locations();
    List<String> problems = new ArrayList<>();
    for (String source : sources) {
      try {
        Locations found = new Locations();
        JsonNode tree = read(source, found);
        if (tree instanceof ObjectNode object) {
          deepMerge(merged, object);
          locations.putAll(found);
        } else if (!tree.isNull() && !tree.isMissingNode()) {
          problems.add(source + ": the top level must be a map of sections, not a " + kind(tree));
        }
      } catch (ConfigException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    new EnvExpander(environment, ConfigSource::parseScalar).expand(merged);
    return new ConfigSource(merged, locations);
  }

  /** A config given as YAML text, for tests and for {@code yaml:} sources. */
  public static ConfigSource ofYaml(String name, String yaml) throws ConfigException {
    Locations locations = new Locations();
    JsonNode tree = parse(name, yaml, locations);
    ObjectNode root = tree instanceof ObjectNode object ? object : NODES.objectNode();
    new EnvExpander(System.getenv()::get, ConfigSource::parseScalar).expand(root);
    return new ConfigSource(root, locations);
  }

  public ObjectNode root() {
    return root;
  }

  public Locations locations() {
    return locations;
  }

  private static JsonNode read(String source, Locations locations) throws ConfigException {
    if (source.startsWith("yaml:")) {
      return inlineKey(source.substring("yaml:".length()), source, locations);
    }
    String file = source.startsWith("file:") ? source.substring("file:".length()) : source;
    String text;
    try {
      text = Files.readString(Path.of(file));
    } catch (NoSuchFileException e) {
      throw new ConfigException(file + ": no such file");
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot be read: " + e.getMessage());
    }
    return parse(file, text, locations);
  }

  /** {@code a::b::c: value} becomes {@code {a: {b: {c: value}}}}, as the Go yaml provider does. */
  private static JsonNode inlineKey(String text, String source, Locations locations)
      throws ConfigException {
    int colon = text.indexOf(": ");
    if (colon < 0 && text.endsWith(":")) {
      colon = text.length() - 1;
    }
    if (colon <= 0) {
      throw new ConfigException(source + ": expected yaml:path::to::key: value");
    }
    String[] keys = text.substring(0, colon).split("::");
    JsonNode value = parse(source, text.substring(colon + 1), new Locations());
    for (int i = keys.length - 1; i >= 0; i--) {
      ObjectNode wrapper = NODES.objectNode();
      wrapper.set(keys[i], value);
      value = wrapper;
    }
    locations.put(String.join("::", keys), source);
    return value;
  }

  private static JsonNode parse(String file, String text, Locations locations)
      throws ConfigException {
    try (JsonParser parser = YAML.createParser(text)) {
      if (parser.nextToken() == null) {
        return NODES.nullNode();
      }
      return readNode(parser, "", file, locations);
    } catch (IOException e) {
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      int line = -1;
      if (e instanceof com.fasterxml.jackson.core.JsonProcessingException processing
          && processing.getLocation() != null) {
        line = processing.getLocation().getLineNr();
      }
      String firstLine = message.lines().findFirst().orElse(message);
      throw new ConfigException(
          file + (line > 0 ? ":" + line : "") + ": not valid YAML: " + firstLine);
    }
  }

  private static JsonNode readNode(JsonParser parser, String path, String file, Locations where)
      throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          String child = path.isEmpty() ? name : path + "::" + name;
          where.put(child, file + ":" + parser.currentTokenLocation().getLineNr());
          parser.nextToken();
          object.set(name, readNode(parser, child, file, where));
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(readNode(parser, path + "::" + index++, file, where));
        }
        return array;
      }
      case VALUE_STRING -> {
        return TextNode.valueOf(parser.getText());
      }
      case VALUE_NUMBER_INT -> {
        return switch (parser.getNumberType()) {
          case INT -> NODES.numberNode(parser.getIntValue());
          case LONG -> NODES.numberNode(parser.getLongValue());
          default -> NODES.numberNode(parser.getBigIntegerValue());
        };
      }
      case VALUE_NUMBER_FLOAT -> {
        return NODES.numberNode(parser.getDoubleValue());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
      }
      case VALUE_NULL -> {
        return NODES.nullNode();
      }
      default -> {
        return NODES.textNode(parser.getText());
      }
    }
  }

  private static JsonNode parseScalar(String text) {
    try {
      JsonNode node = parse("env", text, new Locations());
      return node.isNull() ? TextNode.valueOf(text) : node;
    } catch (ConfigException e) {
      return TextNode.valueOf(text);
    }
  }

  /** Merges {@code overlay} into {@code base}: maps key by key, everything else replaced. */
  static void deepMerge(ObjectNode base, ObjectNode overlay) {
    Iterator<Map.Entry<String, JsonNode>> fields = overlay.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode existing = base.get(field.getKey());
      if (existing instanceof ObjectNode baseChild && field.getValue() instanceof ObjectNode over) {
        deepMerge(baseChild, over);
      } else {
        base.set(field.getKey(), field.getValue().deepCopy());
      }
    }
  }

  static String kind(JsonNode node) {
    if (node.isArray()) {
      return "list";
    }
    if (node.isObject()) {
      return "map";
    }
    return "scalar";
  }
}
