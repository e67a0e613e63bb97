package io.otelring.collector;

import io.otelring.collector.plugin.PluginJar;
import io.otelring.collector.plugin.PluginLoader;
import io.otelring.core.component.Factories;
import io.otelring.core.component.Factory;
import io.otelring.core.config.CollectorConfig;
import io.otelring.core.config.ConfigException;
import io.otelring.core.config.ConfigLoader;
import io.otelring.core.config.ConfigSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a collector is made of before it starts: the config (null when listing components only), the
 * factories it was bound with (the built-in ones plus those of plugin jars) and the plugins they
 * came from. Plugins are found in {@code --plugins DIR}, else in {@code service.plugins}, else in
 * {@code plugins/} beside the first config file when that directory exists.
 */
public record Setup(CollectorConfig config, Factories factories, List<PluginJar> plugins) {

  /** Reads the config sources and the plugins, and binds the config with all their factories. */
  public static Setup load(List<String> sources, Path pluginsOption) throws ConfigException {
    ConfigSource source = ConfigSource.load(sources);
    Path directory = pluginDirectory(sources, source, pluginsOption);
    Setup bare = withPlugins(directory);
    CollectorConfig config = new ConfigLoader(bare.factories()).load(source);
    return new Setup(config, bare.factories(), bare.plugins());
  }

  /** The built-in factories and the plugins of a directory (none when null), without a config. */
  public static Setup withoutConfig(Path pluginsOption) throws ConfigException {
    if (pluginsOption != null && !Files.isDirectory(pluginsOption)) {
      throw new ConfigException("--plugins " + pluginsOption + ": no such directory");
    }
    return withPlugins(pluginsOption);
  }

  private static Setup withPlugins(Path directory) throws ConfigException {
    List<PluginJar> plugins =
        directory == null ? List.of() : PluginLoader.load(directory, BuiltInComponents.list());
    List<Factory<?>> all = new ArrayList<>(BuiltInComponents.list());
    plugins.forEach(plugin -> all.addAll(plugin.factories()));
    return new Setup(null, Factories.of(all, BuiltInComponents.aliases()), plugins);
  }

  /** The plugin directory to use, or null for none. */
  static Path pluginDirectory(List<String> sources, ConfigSource source, Path option)
      throws ConfigException {
    if (option != null) {
      if (!Files.isDirectory(option)) {
        throw new ConfigException("--plugins " + option + ": no such directory");
      }
      return option;
    }
    Path base = firstConfigDirectory(sources);
    String configured = source.root().path("service").path("plugins").asText(null);
    if (configured != null && !configured.isBlank()) {
      Path directory = base.resolve(configured);
      if (!Files.isDirectory(directory)) {
        throw new ConfigException(
            source.locations().problem("service::plugins", "no such directory: " + directory));
      }
      return directory;
    }
    Path beside = base.resolve("plugins");
    return Files.isDirectory(beside) ? beside : null;
  }

  private static Path firstConfigDirectory(List<String> sources) {
    for (String source : sources) {
      if (!source.startsWith("yaml:")) {
        String file = source.startsWith("file:") ? source.substring("file:".length()) : source;
        Path parent = Path.of(file).toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
      }
    }
    return Path.of(".");
  }
}
