package io.otelring.collector.plugin;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The parent of every plugin class loader: it shows a plugin the JDK, otelring's component API and
 * the libraries that API exposes (protobuf and the OTLP messages, Micrometer, SLF4J, gRPC status
 * types, Jackson annotations for config records) — and nothing else of otelring's class path. So a
 * plugin cannot reach otelring's internals, and any other library it uses comes from its own jar,
 * whatever version otelring or another plugin carries.
 */
final class ApiClassLoader extends ClassLoader {

  /** Package prefixes of the API and of the libraries its signatures use. */
  static final List<String> EXPOSED =
      List.of(
          "io.otelring.core.component.",
          "io.otelring.core.consumer.",
          "io.opentelemetry.proto.",
          "com.google.protobuf.",
          "com.google.rpc.",
          "io.grpc.",
          "io.micrometer.",
          "org.slf4j.",
          "com.fasterxml.jackson.annotation.");

  private final ClassLoader application;

  ApiClassLoader(ClassLoader application) {
    super("otelring-api", ClassLoader.getPlatformClassLoader());
    this.application = application;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (exposed(name)) {
      return application.loadClass(name);
    }
    return super.loadClass(name, resolve);
  }

  @Override
  public URL getResource(String name) {
    return exposedResource(name) ? application.getResource(name) : super.getResource(name);
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    // Service files included: a plugin's ServiceLoader must find only its own jar's factories.
    return exposedResource(name) ? application.getResources(name) : Collections.emptyEnumeration();
  }

  private static boolean exposed(String className) {
    for (String prefix : EXPOSED) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static boolean exposedResource(String path) {
    return !path.startsWith("META-INF/") && exposed(path.replace('/', '.'));
  }
}
