package io.otelring.core.component;

import java.util.Objects;

/**
 * A component's id as written in YAML: {@code type[/name]}, such as {@code otlp} or {@code
 * otlp/tempo}. Two ids are equal when both parts are.
 */
public record ComponentId(String type, String name) {

  public ComponentId {
    Objects.requireNonNull(type, "type");
    name = name == null ? "" : name;
  }

  /**
   * Parses {@code type} or {@code type/name}.
   *
   * @throws IllegalArgumentException naming what is wrong with the text
   */
  public static ComponentId parse(String text) {
    String trimmed = text == null ? "" : text.trim();
    int slash = trimmed.indexOf('/');
    String type = slash < 0 ? trimmed : trimmed.substring(0, slash);
    String name = slash < 0 ? "" : trimmed.substring(slash + 1);
    if (type.isEmpty()) {
      throw new IllegalArgumentException("the part before \"/\" must not be empty");
    }
    if (slash >= 0 && name.isEmpty()) {
      throw new IllegalArgumentException("the part after \"/\" must not be empty");
    }
    if (!type.matches("[a-zA-Z][0-9a-zA-Z_]*")) {
      throw new IllegalArgumentException(
          "invalid character(s) in type \"" + type + "\": use letters, digits and \"_\"");
    }
    return new ComponentId(type, name);
  }

  public static ComponentId of(String type) {
    return new ComponentId(type, "");
  }

  /** The same id with another type, used when an alias resolves to its canonical type. */
  public ComponentId withType(String canonicalType) {
    return new ComponentId(canonicalType, name);
  }

  @Override
  public String toString() {
    return name.isEmpty() ? type : type + "/" + name;
  }
}
