package io.otelring.core.component;

/** Makes extensions listed in {@code service.extensions}. */
public interface ExtensionFactory<C extends ComponentConfig> extends Factory<C> {

  @Override
  default Kind kind() {
    return Kind.EXTENSION;
  }

  Extension createExtension(ComponentSettings settings, C config, Host host) throws Exception;
}
