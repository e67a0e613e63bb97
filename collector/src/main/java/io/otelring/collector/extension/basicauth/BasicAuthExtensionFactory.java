package io.otelring.collector.extension.basicauth;

import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Extension;
import io.otelring.core.component.ExtensionFactory;
import io.otelring.core.component.Host;

/**
 * Makes {@code basicauth}: a server authenticator with {@code htpasswd}, a client one with {@code
 * client_auth} — never both, so a receiver naming a client one is told so, as in Go.
 */
public final class BasicAuthExtensionFactory implements ExtensionFactory<BasicAuthConfig> {

  @Override
  public String type() {
    return "basicauth";
  }

  @Override
  public Class<BasicAuthConfig> configType() {
    return BasicAuthConfig.class;
  }

  @Override
  public BasicAuthConfig defaultConfig() {
    return new BasicAuthConfig(null, null);
  }

  @Override
  public Extension createExtension(ComponentSettings settings, BasicAuthConfig config, Host host) {
    return config.htpasswd() != null
        ? new BasicAuthServer(config.htpasswd())
        : new BasicAuthClient(config.clientAuth());
  }
}
