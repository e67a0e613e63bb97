package io.otelring.core.testing;

import io.otelring.core.component.ComponentConfig;
import io.otelring.core.component.Factory;
import io.otelring.core.config.ComponentConfigBinder;
import io.otelring.core.config.ConfigException;
import io.otelring.core.config.ConfigSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Binds a component's YAML exactly as the collector's loader does (defaults, overlay, validate),
 * for the config tests every component has.
 */
public final class ConfigFixtures {

  private static final ComponentConfigBinder BINDER = new ComponentConfigBinder();

  private ConfigFixtures() {}

  /** Binds YAML text; fails the test with the problems if there are any. */
  public static <C extends ComponentConfig> C bind(Factory<C> factory, String yaml) {
    ComponentConfigBinder.Result<C> result = result(factory, yaml);
    if (!result.ok()) {
      throw new AssertionError("config has problems: " + result.problems());
    }
    return result.config();
  }

  /** Binds a classpath resource such as {@code /batch/full.yaml}. */
  public static <C extends ComponentConfig> C bindResource(Factory<C> factory, String resource) {
    return bind(factory, read(resource));
  }

  /** The problems the loader reports for this YAML, each {@code key::path: message}. */
  public static List<String> problems(Factory<?> factory, String yaml) {
    return result(factory, yaml).problems();
  }

  public static List<String> resourceProblems(Factory<?> factory, String resource) {
    return problems(factory, read(resource));
  }

  private static <C extends ComponentConfig> ComponentConfigBinder.Result<C> result(
      Factory<C> factory, String yaml) {
    try {
      return BINDER.bind(
          factory, ConfigSource.ofYaml("test", "c: " + indent(yaml)).root().get("c"));
    } catch (ConfigException e) {
      throw new AssertionError("not valid YAML: " + e.problems());
    }
  }

  /** Nests the YAML under one key, so a flow map and a block map both work. */
  private static String indent(String yaml) {
    String trimmed = yaml.strip();
    if (trimmed.startsWith("{") || trimmed.isEmpty()) {
      return trimmed;
    }
    return "\n  " + trimmed.replace("\n", "\n  ");
  }

  private static String read(String resource) {
    try (InputStream in = ConfigFixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
