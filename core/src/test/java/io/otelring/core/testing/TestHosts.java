package io.otelring.core.testing;

import io.otelring.core.component.ComponentId;
import io.otelring.core.component.Extension;
import io.otelring.core.component.Host;
import java.util.Map;
import java.util.Optional;

/** Collectors as a component sees them, for tests of components that use extensions. */
public final class TestHosts {

  private TestHosts() {}

  /** A running collector with these extensions, by id as written in YAML. */
  public static Host withExtensions(Map<String, ? extends Extension> extensions) {
    return new Host() {
      @Override
      public boolean pipelinesRunning() {
        return true;
      }

      @Override
      public Optional<Extension> extension(ComponentId id) {
        return Optional.ofNullable(extensions.get(id.toString()));
      }
    };
  }
}
