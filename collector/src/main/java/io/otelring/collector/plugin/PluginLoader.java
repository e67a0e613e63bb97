package io.otelring.collector.plugin;

import io.otelring.core.component.Factory;
import io.otelring.core.component.PluginApi;
import io.otelring.core.config.ConfigException;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Loads the plugin jars of a directory: each in its own class loader whose parent shows only the
 * component API ({@link ApiClassLoader}), its factories found with {@link ServiceLoader}. Every
 * problem — a jar without a factory, a type claimed twice, an incompatible API version, a factory
 * that cannot be loaded — is one line naming the jar, and all are reported together.
 */
public final class PluginLoader {

  private PluginLoader() {}

  /**
   * Loads every {@code *.jar} in {@code directory}, in name order.
   *
   * @param builtIns the types otelring has itself, which a plugin may not claim
   */
  public static List<PluginJar> load(Path directory, List<? extends Factory<?>> builtIns)
      throws ConfigException {
    List<Path> jars;
    try (Stream<Path> files = Files.list(directory)) {
      jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new ConfigException(directory + ": cannot list plugins: " + e.getMessage());
    }
    Map<String, String> claimed = new HashMap<>();
    for (Factory<?> factory : builtIns) {
      claimed.put(key(factory), "otelring itself (built in)");
    }
    ApiClassLoader api = new ApiClassLoader(PluginLoader.class.getClassLoader());
    List<PluginJar> plugins = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Path jar : jars) {
      try {
        PluginJar plugin = loadJar(jar, api);
        for (Factory<?> factory : plugin.factories()) {
          String previous = claimed.putIfAbsent(key(factory), jar.toString());
          if (previous != null) {
            throw new ConfigException(
                jar
                    + ": "
                    + factory.kind().singular()
                    + " type \""
                    + factory.type()
                    + "\" is already provided by "
                    + previous);
          }
        }
        plugins.add(plugin);
      } catch (ConfigException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return plugins;
  }

  private static PluginJar loadJar(Path jar, ApiClassLoader api) throws ConfigException {
    Attributes manifest = manifest(jar);
    String apiVersion = manifest == null ? null : manifest.getValue(PluginApi.MANIFEST_ATTRIBUTE);
    if (apiVersion == null) {
      throw new ConfigException(
          jar
              + ": its manifest does not say which plugin API it was built against ("
              + PluginApi.MANIFEST_ATTRIBUTE
              + "); this otelring provides "
              + PluginApi.VERSION);
    }
    if (!PluginApi.accepts(apiVersion)) {
      throw new ConfigException(
          jar
              + ": built against plugin API "
              + apiVersion
              + ", but this otelring provides "
              + PluginApi.VERSION
              + "; rebuild it against "
              + PluginApi.VERSION.substring(0, PluginApi.VERSION.indexOf('.'))
              + ".x");
    }
    URLClassLoader loader = new URLClassLoader("plugin " + jar, new URL[] {url(jar)}, api);
    List<Factory<?>> factories = new ArrayList<>();
    try {
      for (Factory<?> factory : ServiceLoader.load(Factory.class, loader)) {
        factories.add(factory);
      }
    } catch (ServiceConfigurationError | LinkageError e) {
      throw new ConfigException(jar + ": cannot load a factory: " + e.getMessage());
    }
    if (factories.isEmpty()) {
      throw new ConfigException(
          jar
              + ": no factory found; list the jar's factory classes in META-INF/services/"
              + Factory.class.getName());
    }
    String version = manifest.getValue(Attributes.Name.IMPLEMENTATION_VERSION);
    return new PluginJar(jar, version == null ? "unknown" : version, factories);
  }

  private static Attributes manifest(Path jar) throws ConfigException {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.getManifest() == null ? null : file.getManifest().getMainAttributes();
    } catch (IOException e) {
      throw new ConfigException(jar + ": not a readable jar: " + e.getMessage());
    }
  }

  private static URL url(Path jar) throws ConfigException {
    try {
      return jar.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new ConfigException(jar + ": " + e.getMessage());
    }
  }

  private static String key(Factory<?> factory) {
    return factory.kind() + "/" + factory.type();
  }
}
