package io.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sightline serve} as users run it: the packaged jar in its own JVM, stopped by SIGTERM. */
class ServeIT {
  private static final Pattern RUNNING = Pattern.compile("API: http://localhost:(\\d+)/api/v1");
  @TempDir Path dataDir;

  record Run(int exit, String output, String health) {}

  private Run serveOnce() throws Exception {
    ProcessBuilder pb = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-jar", Path.of("target", "sightline-server.jar").toString(),
        "serve")).redirectErrorStream(true);
    pb.environment().put("SIGHTLINE_DATA_DIR", dataDir.toString());
    pb.environment().put("SIGHTLINE_HTTP_PORT", "0");
    pb.environment().put("SIGHTLINE_OTLP_GRPC_PORT", "0");
    pb.environment().put("SIGHTLINE_OTLP_HTTP_PORT", "0");
    pb.environment().remove("SIGHTLINE_CLICKHOUSE_URL");
    Process p = pb.start();
    StringBuilder out = new StringBuilder();
    String health = null;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        out.append(line).append('\n');
        Matcher m = RUNNING.matcher(line);
        if (m.find() && health == null) {
          HttpResponse<String> resp = HttpClient.newHttpClient().send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + m.group(1) + "/health")).build(),
              HttpResponse.BodyHandlers.ofString());
          assertThat(resp.statusCode()).isEqualTo(200);
          health = resp.body();
          // SIGTERM, as a service manager sends it (Process.destroy would also close our pipes).
          new ProcessBuilder("kill", "-TERM", String.valueOf(p.pid())).start().waitFor();
        }
      }
    }
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out.toString(), health);
  }

  @Test
  void serve_appliesMigrationsAnswersHealthAndStopsCleanlyOnSigterm() throws Exception {
    Run first = serveOnce();
    assertThat(first.health()).as(first.output()).isNotNull()
        .contains("\"status\":\"ok\"").contains("\"mode\":\"embedded\"").containsPattern("\"version\":\"26\\.");
    assertThat(first.exit()).as(first.output()).isZero();
    assertThat(first.output()).contains("applied migration 0001_spans.sql").contains("Sightline stopped")
        .doesNotContain("libc++abi").doesNotContain("terminating");

    Run second = serveOnce();
    assertThat(second.exit()).as(second.output()).isZero();
    assertThat(second.output()).as("a restart finds the schema already applied")
        .doesNotContain("applied migration");
  }
}
