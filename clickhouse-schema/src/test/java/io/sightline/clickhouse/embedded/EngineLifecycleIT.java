package io.sightline.clickhouse.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's process lifecycle, in forked JVMs: a JVM that used the engine exits with status 0
 * and no native abort message, and a restart on the same data directory finds what was written.
 */
class EngineLifecycleIT {
  @TempDir Path dataDir;

  record Result(int exit, String output) {}

  private Result runChild(String mode) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED",
        "-Dsightline.test.data.dir=" + dataDir,
        "-cp", System.getProperty("java.class.path"),
        EngineChild.class.getName(), mode));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("child finished: %s", out).isTrue();
    return new Result(p.exitValue(), out);
  }

  @Test
  void exitWithOpenGateway_isCleanAndDataSurvivesRestart() throws Exception {
    Result write = runChild("write");
    assertThat(write.exit()).as(write.output()).isZero();
    assertThat(write.output()).contains("wrote 1000")
        .doesNotContain("libc++abi").doesNotContain("terminating").doesNotContain("SIGSEGV");

    Result read = runChild("read");
    assertThat(read.exit()).as(read.output()).isZero();
    assertThat(read.output()).contains("rows=1000").doesNotContain("libc++abi");

    Result exit = runChild("read-and-exit");
    assertThat(exit.exit()).as(exit.output()).isZero();
    assertThat(exit.output()).contains("rows=1000").doesNotContain("libc++abi");
  }
}
