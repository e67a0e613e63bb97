package io.otelring.collector.extension.zpages;

import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Extension;
import io.otelring.core.component.ExtensionFactory;
import io.otelring.core.component.Host;

/** Makes {@code zpages}: HTML pages on the running collector's build, pipelines and extensions. */
public final class ZPagesExtensionFactory implements ExtensionFactory<ZPagesConfig> {

  @Override
  public String type() {
    return "zpages";
  }

  @Override
  public Class<ZPagesConfig> configType() {
    return ZPagesConfig.class;
  }

  @Override
  public ZPagesConfig defaultConfig() {
    return ZPagesConfig.defaults();
  }

  @Override
  public Extension createExtension(ComponentSettings settings, ZPagesConfig config, Host host) {
    return new ZPagesExtension(settings, config, host);
  }
}
