package io.otelring.collector.plugin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds small plugin jars in a test: compiles the given sources with the JDK's compiler against
 * the test class path (which holds the component API) and packs them with a service file and a
 * manifest, as a plugin's own build would.
 */
final class TestPluginJars {

  private TestPluginJars() {}

  /**
   * @param sources class name → Java source
   * @param factories the classes to list in META-INF/services (empty: no service file)
   * @param apiVersion the manifest's Otelring-Api-Version, or null for none
   */
  static Path build(
      Path directory,
      String jarName,
      Map<String, String> sources,
      List<String> factories,
      String apiVersion)
      throws IOException {
    Path work = Files.createTempDirectory(directory.getParent(), jarName + "-src");
    Path classes = Files.createDirectories(work.resolve("classes"));
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--release",
                "17",
                "-classpath",
                System.getProperty("java.class.path"),
                "-d",
                classes.toString()));
    for (var source : sources.entrySet()) {
      Path file = work.resolve(source.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      arguments.add(file.toString());
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    int exit = compiler.run(null, null, System.err, arguments.toArray(String[]::new));
    if (exit != 0) {
      throw new IllegalStateException("test plugin " + jarName + " does not compile");
    }
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, "0.0.1-test");
    if (apiVersion != null) {
      manifest.getMainAttributes().putValue("Otelring-Api-Version", apiVersion);
    }
    Path jar = directory.resolve(jarName);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, out);
        out.closeEntry();
      }
      if (!factories.isEmpty()) {
        out.putNextEntry(new JarEntry("META-INF/services/io.otelring.core.component.Factory"));
        write(out, String.join("\n", factories) + "\n");
        out.closeEntry();
      }
    }
    return jar;
  }

  /** Source of a processor factory of the given type whose processor stamps an attribute. */
  static String stampingFactory(String packageName, String type, String valueExpression) {
    return """
        package %s;

        import io.otelring.core.component.*;
        import io.otelring.core.consumer.*;
        import io.opentelemetry.proto.common.v1.*;
        import java.util.concurrent.CompletionStage;

        public final class StampFactory implements ProcessorFactory<StampFactory.Settings> {
          public record Settings(String key) implements ComponentConfig {}

          public String type() { return "%s"; }
          public Class<Settings> configType() { return Settings.class; }
          public Settings defaultConfig() { return new Settings("lib"); }

          public Processor createProcessor(
              ComponentSettings settings, Settings config, Signal signal, Consumer next) {
            return new Processor() {
              public CompletionStage<Void> consume(Telemetry telemetry) {
                var request = telemetry.traces().toBuilder();
                request.getResourceSpansBuilderList().forEach(rs ->
                    rs.getScopeSpansBuilderList().forEach(ss ->
                        ss.getSpansBuilderList().forEach(span -> span.addAttributes(
                            KeyValue.newBuilder().setKey(config.key())
                                .setValue(AnyValue.newBuilder().setStringValue(%s))))));
                return next.consume(Telemetry.traces(request.build(), telemetry.metadata()));
              }

              public void start() {
                if (config.key().equals("fail")) {
                  throw new IllegalStateException("refusing to start");
                }
              }
            };
          }
        }
        """
        .formatted(packageName, type, valueExpression);
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
  }
}
