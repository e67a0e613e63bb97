package io.otelring.bench;

import io.otelring.bench.baseline.BaselineCommand;
import io.otelring.bench.e2e.EndToEndBenchmark;
import io.otelring.bench.loadgen.LoadGenerator;
import io.otelring.bench.outage.OutageBenchmark;
import io.otelring.collector.LibraryDefaults;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The bench jar's entry point: {@code loadgen} (what {@code ./otelring loadgen} runs), {@code
 * baseline} (B0/B2 as a process), {@code e2e} (the end-to-end benchmark, run by {@code
 * bench/run.sh}), {@code outage} (the backend-outage benchmark, run by {@code bench/outage.sh}) and
 * {@code jmh} (the JMH micro-benchmarks; the rest of the line goes to JMH).
 */
@Command(
    name = "otelring-bench",
    mixinStandardHelpOptions = true,
    description = "otelring's load generator, baselines and benchmarks.",
    subcommands = {
      LoadGenerator.class,
      BaselineCommand.class,
      EndToEndBenchmark.class,
      OutageBenchmark.class
    })
public final class Bench implements Runnable {

  public static void main(String[] args) throws Exception {
    // Netty's leak detector and Flight Recorder checks off, as in the collector: B0 and B2 are
    // compared with it, and the harness's own event loop carries the load and the sink.
    LibraryDefaults.apply();
    if (args.length > 0 && args[0].equals("jmh")) {
      org.openjdk.jmh.Main.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    System.exit(new CommandLine(new Bench()).execute(args));
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
    System.out.println(
        "  jmh        Runs the JMH micro-benchmarks (java -jar … jmh -h for JMH's flags).");
  }
}
