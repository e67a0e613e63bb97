package io.otelring.collector.extension.bearertokenauth;

import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Extension;
import io.otelring.core.component.ExtensionFactory;
import io.otelring.core.component.Host;

/** Makes {@code bearertokenauth}: bearer tokens checked by receivers and sent by exporters. */
public final class BearerTokenAuthExtensionFactory
    implements ExtensionFactory<BearerTokenAuthConfig> {

  @Override
  public String type() {
    return "bearertokenauth";
  }

  @Override
  public Class<BearerTokenAuthConfig> configType() {
    return BearerTokenAuthConfig.class;
  }

  @Override
  public BearerTokenAuthConfig defaultConfig() {
    return BearerTokenAuthConfig.defaults();
  }

  @Override
  public Extension createExtension(
      ComponentSettings settings, BearerTokenAuthConfig config, Host host) {
    return new BearerTokenAuthExtension(settings, config);
  }
}
