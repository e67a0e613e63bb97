package io.otelring.collector.plugin;

import io.otelring.core.component.Factory;
import java.nio.file.Path;
import java.util.List;

/**
 * A loaded plugin jar: where it is, the version it declares, and the factories it provides.
 *
 * @param version the jar's {@code Implementation-Version}, or "unknown"
 */
public record PluginJar(Path path, String version, List<Factory<?>> factories) {

  public PluginJar {
    factories = List.copyOf(factories);
  }
}
