package io.otelring.exporter.filestorage;

import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Extension;
import io.otelring.core.component.ExtensionFactory;
import io.otelring.core.component.Host;

/** Makes {@code file_storage} extensions, the storage of persistent sending queues. */
public final class FileStorageExtensionFactory implements ExtensionFactory<FileStorageConfig> {

  @Override
  public String type() {
    return "file_storage";
  }

  @Override
  public Class<FileStorageConfig> configType() {
    return FileStorageConfig.class;
  }

  @Override
  public FileStorageConfig defaultConfig() {
    return FileStorageConfig.defaults();
  }

  @Override
  public Extension createExtension(
      ComponentSettings settings, FileStorageConfig config, Host host) {
    return new FileStorageExtension(settings, config);
  }
}
