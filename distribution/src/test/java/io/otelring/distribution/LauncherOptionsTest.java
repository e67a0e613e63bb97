package io.otelring.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the two launchers ({@code ./otelring} in the checkout, {@code image/otelring} in the
 * container) give the JVM, seen by a stand-in {@code java} first on the PATH that prints its
 * environment's arena setting and its arguments. A stand-in {@code mvn} keeps {@code ./otelring}
 * from building when its jar is older than the sources.
 */
class LauncherOptionsTest {

  @TempDir Path bin;

  @BeforeEach
  void standIns() throws Exception {
    standIn("java", "echo \"arenas=$MALLOC_ARENA_MAX args= $* \"");
    standIn("mvn", "exit 0");
  }

  @ParameterizedTest
  @ValueSource(strings = {"otelring", "image/otelring"})
  void oneMallocArenaUnlessTheEnvironmentSaysOtherwise(String launcher) throws Exception {
    assertThat(launch(launcher, Map.of())).contains("arenas=1 args= ").contains("--version");
    assertThat(launch(launcher, Map.of("MALLOC_ARENA_MAX", "4"))).contains("arenas=4 args= ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"otelring", "image/otelring"})
  void g1UnlessJavaOptsNamesAnotherCollector(String launcher) throws Exception {
    assertThat(launch(launcher, Map.of())).contains(" -XX:+UseG1GC ");
    // A flag that only mentions GC does not replace the collector.
    assertThat(launch(launcher, Map.of("JAVA_OPTS", "-XX:+UseGCOverheadLimit")))
        .contains(" -XX:+UseG1GC ");

    String serial = launch(launcher, Map.of("JAVA_OPTS", "-Xss512k -XX:+UseSerialGC"));
    assertThat(serial).contains(" -XX:+UseSerialGC ").doesNotContain("-XX:+UseG1GC");
    String g1 = launch(launcher, Map.of("JAVA_OPTS", "-XX:+UseG1GC"));
    assertThat(g1.split("-XX:\\+UseG1GC", -1)).hasSize(2); // once, not twice
  }

  /**
   * The stand-in JVM's line for {@code launcher --version} with {@code extra} in the environment.
   */
  private String launch(String launcher, Map<String, String> extra) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
    env.put("OTELRING_JAR", Files.writeString(bin.resolve("otelring.jar"), "").toString());
    // Unset whatever the test's own environment has, unless the case sets it.
    env.put("JAVA_OPTS", "");
    env.put("MALLOC_ARENA_MAX", "");
    env.putAll(extra);

    Processes.Result result =
        Processes.run(Checkout.root(), env, List.of("./" + launcher, "--version"));

    assertThat(result.exitCode()).as(result.output()).isZero();
    return result.output();
  }

  private void standIn(String program, String body) throws Exception {
    Path file = bin.resolve(program);
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    assertThat(file.toFile().setExecutable(true)).isTrue();
  }
}
