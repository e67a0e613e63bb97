package io.otelring.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {

  @TempDir Path dir;

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine command = Main.commandLine();
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    int exitCode = command.execute(args);
    return new Run(exitCode, out.toString(), err.toString());
  }

  private static String resource(String name) {
    return Path.of("src/test/resources", name).toString();
  }

  @Test
  void theSeedConfigIsValid() {
    Run run = run("validate", "--config", resource("seed.yaml"));

    assertThat(run.err()).isEmpty();
    assertThat(run.out()).isEqualTo("ok\n");
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void theTempoConfigIsValid() {
    Run run = run("validate", "--config", "../configs/tempo.yaml");

    assertThat(run.err()).isEmpty();
    assertThat(run.out()).isEqualTo("ok\n");
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void theLocalConfigIsValid() {
    Run run = run("validate", "--config", "../configs/local.yaml");

    assertThat(run.err()).isEmpty();
    assertThat(run.out()).isEqualTo("ok\n");
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void laterConfigsMergeOverEarlierOnesAndSetOverridesOneKey() throws Exception {
    Path more = dir.resolve("more.yaml");
    Files.writeString(
        more,
        "exporters: {debug/quiet: {verbosity: basic}}\n"
            + "service: {pipelines: {logs: {exporters: [debug/quiet]}}}\n");

    Run merged = run("validate", "--config", "../configs/local.yaml", "--config", more.toString());
    Run overridden =
        run(
            "validate",
            "--config",
            "../configs/local.yaml",
            "--set",
            "processors::batch::timeout=soon");

    assertThat(merged.err()).isEmpty();
    assertThat(merged.exitCode()).isZero();
    assertThat(overridden.err())
        .isEqualTo(
            "Error: invalid configuration (1 problem):\n"
                + "  yaml:processors::batch::timeout: soon: processors::batch::timeout: invalid"
                + " duration \"soon\": use a number with a unit, such as 200ms, 5s or 1m30s\n");
  }

  @Test
  void everyProblemIsPrintedWithoutAStackTrace() throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(
        bad,
        """
        receivers:
          otlp:
            protocols:
              grpc: {endpont: 0.0.0.0:4317}
        processors:
          batch: {timeout: soon}
        exporters:
          debug: {}
        service:
          pipelines:
            traces: {receivers: [otlp], processors: [batch], exporters: [debug]}
        """);

    Run run = run("validate", "--config", bad.toString(), "--config", "/no/such.yaml");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(run.err())
        .isEqualTo("Error: invalid configuration (1 problem):\n  /no/such.yaml: no such file\n");

    Run second = run("validate", "--config", bad.toString());
    assertThat(second.err())
        .isEqualTo(
            "Error: invalid configuration (2 problems):\n"
                + "  "
                + bad
                + ":4: receivers::otlp::protocols::grpc::endpont: unknown key; did you mean \"endpoint\"?\n"
                + "  "
                + bad
                + ":6: processors::batch::timeout: invalid duration \"soon\": use a number with a unit,"
                + " such as 200ms, 5s or 1m30s\n");
  }

  @Test
  void componentsListsTypesAndAliases() {
    Run run = run("components");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith("buildinfo:\n  command: otelring\n")
        .contains("processors:\n  - name: batch\n")
        .contains("  - name: debug\n")
        .contains("  - name: otlp\n")
        .contains("  - name: otlphttp\n")
        .contains("  - name: tempo\n")
        .contains("receivers:\n  - name: otlp\n    signals: [logs, metrics, traces]\n")
        .contains(
            "connectors:\n  - name: forward\n"
                + "    connects: [logs-to-logs, metrics-to-metrics, traces-to-traces]\n")
        .contains(
            "extensions:\n  - name: health_check\n  - name: bearertokenauth\n  - name: basicauth\n"
                + "  - name: headers_setter\n"
                + "  - name: file_storage\n");
  }

  @Test
  void versionAndHelp() {
    assertThat(run("--version").out()).startsWith("otelring ");
    Run help = run("--help");
    assertThat(help.out()).contains("--config=FILE").contains("validate").contains("components");
  }
}
