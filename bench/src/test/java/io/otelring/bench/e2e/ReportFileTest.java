package io.otelring.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BENCHMARKS.md shared by run.sh's report and the sections of other benchmarks. */
class ReportFileTest {

  @TempDir Path dir;

  @Test
  void aRewriteKeepsEverythingAfterTheMarker() throws Exception {
    Path file = dir.resolve("BENCHMARKS.md");
    Files.writeString(
        file, "# old report\n\n" + ReportFile.KEPT_MARKER + "\n\n## History\n\nkept\n");

    ReportFile.writeKeepingSections(file, "# new report\n");

    assertThat(Files.readString(file))
        .isEqualTo("# new report\n\n" + ReportFile.KEPT_MARKER + "\n\n## History\n\nkept\n");
  }

  @Test
  void withoutAMarkerTheReportIsTheWholeFile() throws Exception {
    Path file = dir.resolve("BENCHMARKS.md");
    Files.writeString(file, "# old report\n");

    ReportFile.writeKeepingSections(file, "# new report\n");

    assertThat(Files.readString(file)).isEqualTo("# new report\n");
  }

  @Test
  void aSectionIsAddedAtTheEndBelowTheMarkerThenReplacedInPlace() throws Exception {
    Path file = dir.resolve("BENCHMARKS.md");
    Files.writeString(file, "# report\n");

    ReportFile.writeSection(file, "outage", "## Backend outage\n\nfirst\n");
    String added = Files.readString(file);
    assertThat(added)
        .isEqualTo(
            "# report\n\n"
                + ReportFile.KEPT_MARKER
                + "\n\n<!-- outage:begin -->\n## Backend outage\n\nfirst\n<!-- outage:end -->\n");

    Files.writeString(file, added + "\n## Later\n");
    ReportFile.writeSection(file, "outage", "## Backend outage\n\nsecond\n");
    assertThat(Files.readString(file))
        .isEqualTo(
            "# report\n\n"
                + ReportFile.KEPT_MARKER
                + "\n\n<!-- outage:begin -->\n## Backend outage\n\nsecond\n<!-- outage:end -->\n"
                + "\n## Later\n");

    // run.sh's next report keeps the section.
    ReportFile.writeKeepingSections(file, "# report 2\n");
    assertThat(Files.readString(file)).startsWith("# report 2\n").contains("second");
  }
}
