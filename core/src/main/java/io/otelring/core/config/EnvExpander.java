package io.otelring.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands {@code ${env:VAR}}, {@code ${env:VAR:-default}} and {@code ${VAR}} in string values, as
 * the Go collector's confmap does. {@code $$} stands for a literal {@code $}. A value that is
 * nothing but one reference takes the YAML type of what it expands to ({@code ${env:PORT}} with
 * PORT=4317 is the number 4317), as in the Go collector.
 */
final class EnvExpander {

  private static final Pattern REFERENCE =
      Pattern.compile("\\$\\$|\\$\\{(?:env:)?([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

  private final Function<String, String> environment;
  private final Function<String, JsonNode> scalarParser;

  EnvExpander(Function<String, String> environment, Function<String, JsonNode> scalarParser) {
    this.environment = environment;
    this.scalarParser = scalarParser;
  }

  static EnvExpander ofSystem(Function<String, JsonNode> scalarParser) {
    Map<String, String> env = System.getenv();
    return new EnvExpander(env::get, scalarParser);
  }

  /** Expands every string value below {@code node} in place; keys are left as written. */
  JsonNode expand(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        object.set(name, expand(object.get(name)));
      }
      return object;
    }
    if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, expand(array.get(i)));
      }
      return array;
    }
    if (node instanceof TextNode text && text.textValue().indexOf('$') >= 0) {
      return expandScalar(text.textValue());
    }
    return node;
  }

  private JsonNode expandScalar(String value) {
    Matcher whole = REFERENCE.matcher(value);
    if (whole.matches() && !value.equals("$$")) {
      String expanded = lookup(whole);
      return expanded.isEmpty() ? TextNode.valueOf("") : scalarParser.apply(expanded);
    }
    Matcher matcher = REFERENCE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String replacement = matcher.group().equals("$$") ? "$" : lookup(matcher);
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return TextNode.valueOf(out.toString());
  }

  private String lookup(Matcher reference) {
    String value = environment.apply(reference.group(1));
    if (value == null || (value.isEmpty() && reference.group(2) != null)) {
      return reference.group(2) == null ? "" : reference.group(2);
    }
    return value;
  }
}
