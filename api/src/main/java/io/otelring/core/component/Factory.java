package io.otelring.core.component;

import java.util.Set;

/**
 * Makes components of one type. The collector binds the YAML of each configured id over {@link
 * #defaultConfig()}, calls {@link ComponentConfig#validate()}, and only then asks the factory to
 * create the component.
 *
 * @param <C> the config record, bound from YAML with snake_case keys
 */
public interface Factory<C extends ComponentConfig> {

  /** The type as written in YAML ({@code batch}, {@code otlp}). */
  String type();

  Kind kind();

  Class<C> configType();

  /** A fresh config with every default filled in; YAML overlays it key by key. */
  C defaultConfig();

  /**
   * The signals this type handles; a pipeline of another signal that lists it is a config error.
   */
  default Set<Signal> signals() {
    return Set.of(Signal.values());
  }
}
