package io.otelring.collector.extension.healthcheck;

import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Extension;
import io.otelring.core.component.ExtensionFactory;
import io.otelring.core.component.Host;

/** Makes {@code health_check}: 200 while every pipeline runs, 503 otherwise. */
public final class HealthCheckExtensionFactory implements ExtensionFactory<HealthCheckConfig> {

  @Override
  public String type() {
    return "health_check";
  }

  @Override
  public Class<HealthCheckConfig> configType() {
    return HealthCheckConfig.class;
  }

  @Override
  public HealthCheckConfig defaultConfig() {
    return HealthCheckConfig.defaults();
  }

  @Override
  public Extension createExtension(
      ComponentSettings settings, HealthCheckConfig config, Host host) {
    return new HealthCheckExtension(settings, config, host);
  }
}
