package io.otelring.collector.extension.headerssetter;

import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Extension;
import io.otelring.core.component.ExtensionFactory;
import io.otelring.core.component.Host;

/** Makes {@code headers_setter}: request headers from fixed values or client metadata. */
public final class HeadersSetterExtensionFactory implements ExtensionFactory<HeadersSetterConfig> {

  @Override
  public String type() {
    return "headers_setter";
  }

  @Override
  public Class<HeadersSetterConfig> configType() {
    return HeadersSetterConfig.class;
  }

  @Override
  public HeadersSetterConfig defaultConfig() {
    return new HeadersSetterConfig(null);
  }

  @Override
  public Extension createExtension(
      ComponentSettings settings, HeadersSetterConfig config, Host host) {
    return new HeadersSetterExtension(settings, config);
  }
}
