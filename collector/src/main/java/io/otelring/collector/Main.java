package io.otelring.collector;

import io.otelring.collector.plugin.PluginJar;
import io.otelring.core.component.ConnectorFactory;
import io.otelring.core.component.Factories;
import io.otelring.core.component.Factory;
import io.otelring.core.component.Kind;
import io.otelring.core.component.Signal;
import io.otelring.core.config.CollectorConfig;
import io.otelring.core.config.ConfigException;
import io.otelring.core.pipeline.RingOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code otelring} command: runs the collector, validates a config, lists the components. Flags
 * follow the Go collector's ({@code --config} repeatable, {@code --set key::path=value}).
 */
@Command(
    name = "otelring",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = "An OpenTelemetry collector: OTLP in, a Disruptor ring per pipeline, OTLP out.",
    subcommands = {Main.Validate.class, Main.Components.class})
public final class Main implements Callable<Integer> {

  @Mixin ConfigOptions configOptions;
  @Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    LibraryDefaults.apply();
    System.exit(commandLine().execute(args));
  }

  /** The command line, for tests and embedding; {@link #main} runs it and exits. */
  public static CommandLine commandLine() {
    return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public Integer call() throws Exception {
    CollectorConfig config;
    try {
      config = configOptions.setup().config();
    } catch (ConfigException e) {
      printProblems(spec.commandLine().getErr(), e);
      return 1;
    }
    try {
      Logging.configure(config.service().telemetry().logs());
    } catch (IOException e) {
      spec.commandLine().getErr().println("Error: " + e.getMessage());
      spec.commandLine().getErr().flush();
      return 1;
    }
    Collector collector;
    try {
      collector = Collector.start(config, RingOptions.DEFAULT);
    } catch (Exception e) {
      spec.commandLine().getErr().println("Error: cannot start the collector: " + e.getMessage());
      spec.commandLine().getErr().flush();
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  collector.close();
                  stopped.countDown();
                },
                "shutdown"));
    stopped.await();
    return 0;
  }

  static void printProblems(PrintWriter err, ConfigException e) {
    int count = e.problems().size();
    err.println(
        "Error: invalid configuration (" + count + (count == 1 ? " problem):" : " problems):"));
    e.problems().forEach(problem -> err.println("  " + problem));
    err.flush();
  }

  /** {@code --config} and {@code --set}, shared by running and validating. */
  static final class ConfigOptions {
    @Option(
        names = "--config",
        paramLabel = "FILE",
        description =
            "Config file, file:PATH or yaml:key::path: value. Repeatable: later ones deep-merge"
                + " maps and replace lists. Default: $OTELRING_DEFAULT_CONFIG.")
    List<String> configs = new ArrayList<>();

    @Option(
        names = "--plugins",
        paramLabel = "DIR",
        description =
            "Directory of plugin jars. Default: service.plugins, else plugins/ beside the config.")
    Path plugins;

    @Option(
        names = "--set",
        paramLabel = "KEY=VALUE",
        description = "Sets one key, e.g. --set processors::batch::timeout=2s. Repeatable.")
    List<String> sets = new ArrayList<>();

    Setup setup() throws ConfigException {
      return Setup.load(sources(), plugins);
    }

    /** The factories and plugins, with the config's plugin directory when a config is given. */
    Setup setupWithoutRequiredConfig() throws ConfigException {
      boolean noConfig =
          configs.isEmpty()
              && (System.getenv("OTELRING_DEFAULT_CONFIG") == null
                  || System.getenv("OTELRING_DEFAULT_CONFIG").isBlank());
      return noConfig ? Setup.withoutConfig(plugins) : setup();
    }

    List<String> sources() throws ConfigException {
      List<String> sources = new ArrayList<>(configs);
      if (sources.isEmpty()) {
        String fallback = System.getenv("OTELRING_DEFAULT_CONFIG");
        if (fallback == null || fallback.isBlank()) {
          throw new ConfigException("no config given: use --config FILE");
        }
        sources.add(fallback);
      }
      for (String set : sets) {
        int equals = set.indexOf('=');
        if (equals <= 0) {
          throw new ConfigException("--set " + set + ": expected key::path=value");
        }
        sources.add("yaml:" + set.substring(0, equals) + ": " + set.substring(equals + 1));
      }
      return sources;
    }
  }

  @Command(
      name = "validate",
      mixinStandardHelpOptions = true,
      description = "Checks a config and prints every problem; exit 0 when it is valid.")
  static final class Validate implements Callable<Integer> {
    @Mixin ConfigOptions configOptions;
    @Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      try {
        configOptions.setup();
      } catch (ConfigException e) {
        printProblems(spec.commandLine().getErr(), e);
        return 1;
      }
      spec.commandLine().getOut().println("ok");
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  @Command(
      name = "components",
      mixinStandardHelpOptions = true,
      description = "Lists the component types this build knows, with their aliases.")
  static final class Components implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;
    @Mixin ConfigOptions configOptions;

    @Override
    public Integer call() {
      Setup setup;
      try {
        setup = configOptions.setupWithoutRequiredConfig();
      } catch (ConfigException e) {
        printProblems(spec.commandLine().getErr(), e);
        return 1;
      }
      Map<Factory<?>, PluginJar> origins = new IdentityHashMap<>();
      setup.plugins().forEach(plugin -> plugin.factories().forEach(f -> origins.put(f, plugin)));
      PrintWriter out = spec.commandLine().getOut();
      out.println("buildinfo:");
      out.println("  command: otelring");
      out.println("  version: " + Version.get());
      for (Kind kind : Kind.values()) {
        out.println(kind.section() + ":");
        Factories factories = setup.factories();
        for (Factory<?> factory : factories.all(kind)) {
          out.println("  - name: " + factory.type());
          PluginJar plugin = origins.get(factory);
          if (plugin != null) {
            out.println("    plugin: " + plugin.path() + " (version " + plugin.version() + ")");
          }
          List<String> aliases = factories.aliasesOf(kind, factory.type());
          if (!aliases.isEmpty()) {
            out.println("    aliases: [" + String.join(", ", aliases) + "]");
          }
          if (factory instanceof ConnectorFactory<?> connector) {
            out.println("    connects: [" + String.join(", ", pairs(connector)) + "]");
          } else if (kind != Kind.EXTENSION) { // an extension serves the collector, not a signal
            out.println(
                "    signals: ["
                    + String.join(
                        ", ", factory.signals().stream().map(s -> s.configName()).sorted().toList())
                    + "]");
          }
        }
      }
      out.flush();
      return 0;
    }

    /** The signal pairs a connector joins, named as Go names them: {@code traces-to-metrics}. */
    private static List<String> pairs(ConnectorFactory<?> connector) {
      List<String> pairs = new ArrayList<>();
      for (Signal from : Signal.values()) {
        for (Signal to : Signal.values()) {
          if (connector.connects(from, to)) {
            pairs.add(from.configName() + "-to-" + to.configName());
          }
        }
      }
      return pairs.stream().sorted().toList();
    }
  }

  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"otelring " + Version.get()};
    }
  }
}
