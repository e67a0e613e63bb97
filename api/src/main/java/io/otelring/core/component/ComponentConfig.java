package io.otelring.core.component;

import java.util.List;

/**
 * A component's configuration: a record bound from YAML over the factory's defaults. {@link
 * #validate()} returns every problem at once, each naming the key it is about, relative to the
 * component (e.g. {@code "endpoint: must not be empty"}); the loader prefixes the component's path.
 */
public interface ComponentConfig {

  /** Returns the problems with this config, empty when it is valid. */
  default List<String> validate() {
    return List.of();
  }
}
