package io.sightline.server.demo;

import io.sightline.auth.ApiKeys;
import io.sightline.clickhouse.StorageSettings;
import io.sightline.config.Settings;
import io.sightline.fakellm.FakeLlmServer;
import io.sightline.server.SightlineServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code sightline demo [--once]}: starts the all-in-one server and a fake LLM provider, runs the
 * sample support agent against them with the Java agent and sightline-extension.jar attached, and
 * reports what the API returns for the sessions the app played. Interactive, the server then
 * keeps running until Ctrl-C; with {@code --once} it stops, and the run succeeds only if the API
 * returned every played session intact.
 */
public final class DemoCommand {
  /** How long the API may take to show everything the app exported before the demo calls it missing. */
  private static final Duration SETTLE = Duration.ofSeconds(10);
  private static final String RELAY_PREFIX = "      | ";

  private final Settings settings;
  private final PrintStream out;
  private final PrintStream err;
  private final CountDownLatch stop = new CountDownLatch(1);
  private final AtomicReference<SampleApp> runningApp = new AtomicReference<>();

  public DemoCommand(Settings settings, PrintStream out, PrintStream err) {
    this.settings = settings;
    this.out = out;
    this.err = err;
  }

  /** Runs the demo; true when everything the app played was found in the API (and, interactive, on Ctrl-C). */
  public boolean run(boolean once) {
    DemoFiles files = DemoFiles.under(Path.of(settings.get(DemoSettings.HOME))).requireBuilt();
    Duration appTimeout = Duration.ofMillis(settings.getMillis(DemoSettings.APP_TIMEOUT));
    // Ctrl-C / SIGTERM: stop the sample app if it is running, then shut the server down in order.
    for (String name : List.of("TERM", "INT")) {
      sun.misc.Signal.handle(new sun.misc.Signal(name), s -> requestStop());
    }
    try {
      return demo(files, appTimeout, once);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void requestStop() {
    stop.countDown();
    SampleApp app = runningApp.get();
    if (app != null) {
      app.stop();
    }
  }

  private boolean demo(DemoFiles files, Duration appTimeout, boolean once) throws InterruptedException {
    out.println("[1/4] Starting Sightline: OTLP receivers, REST API, " + (settings.isSet(StorageSettings.CLICKHOUSE_URL)
        ? "the ClickHouse server of " + StorageSettings.CLICKHOUSE_URL.env()
        : "embedded ClickHouse in " + Path.of(settings.get(StorageSettings.DATA_DIR)).toAbsolutePath().normalize()));
    long started = System.nanoTime();
    try (SightlineServer server = SightlineServer.start(settings, err)) {
      String api = "http://localhost:" + server.httpPort();
      out.printf(Locale.ROOT, "      ready in %.1f s: OTLP gRPC localhost:%d, OTLP HTTP http://localhost:%d, API %s%n",
          (System.nanoTime() - started) / 1e9, server.otlpGrpcPort(), server.otlpHttpPort(), api);
      PlayedRun played = playSampleApp(files, server, api, appTimeout);
      if (played == null) {
        return stoppedByUser();
      }
      out.println("[4/4] Reading back what Sightline recorded, through its REST API");
      ApiClient client = new ApiClient(api, apiKey(settings));
      Recorded recorded = readSettled(client, played);
      out.println();
      out.print(DemoReport.render(played, recorded, api, apiKey(settings) != null));
      List<String> problems = recorded.problems();
      if (!problems.isEmpty()) {
        err.println("The API does not show everything the sample app played:");
        problems.forEach(p -> err.println("  - " + p));
      }
      if (once) {
        out.println(problems.isEmpty() ? "Demo check passed." : "Demo check FAILED.");
        return problems.isEmpty();
      }
      out.println();
      out.println("Sightline keeps running with the demo's data. Send your own app's telemetry to OTLP "
          + "http://localhost:" + server.otlpHttpPort() + " (gRPC localhost:" + server.otlpGrpcPort()
          + "); docs/quickstart.md shows how. Ctrl-C to stop.");
      stop.await();
      out.println("Stopping Sightline...");
      return true;
    }
  }

  /** Steps 2 and 3; null when the app did not finish (stopped, failed or timed out), after saying why. */
  private PlayedRun playSampleApp(DemoFiles files, SightlineServer server, String api, Duration timeout)
      throws InterruptedException {
    out.println("[2/4] Starting a fake LLM provider: OpenAI chat-completions API with scripted, deterministic answers");
    try (FakeLlmServer llm = FakeLlmServer.start()) {
      SupportModel.install(llm);
      out.println("      listening on " + llm.baseUrl() + "/v1");
      out.println("[3/4] Running the sample support agent (examples/support-agent, LangChain4j) with the "
          + "OpenTelemetry Java agent and sightline-extension.jar");
      Path report = Files.createTempFile("sightline-demo-", ".json");
      try {
        SampleApp app = new SampleApp(files, "http://127.0.0.1:" + server.otlpHttpPort(), llm.baseUrl(), api,
            apiKey(settings), runId(), report);
        runningApp.set(app);
        if (stop.getCount() == 0) {
          app.stop();  // Ctrl-C came before the app was registered
        }
        int exit = app.run(out, RELAY_PREFIX, timeout);
        runningApp.set(null);
        if (stop.getCount() == 0) {
          return null;
        }
        if (exit != 0) {
          err.println(exit < 0
              ? "The sample app did not finish within " + timeout.toSeconds() + " s (" + DemoSettings.APP_TIMEOUT.env() + ")."
              : "The sample app failed (exit code " + exit + "); its output is above. Command: "
                  + String.join(" ", app.command()));
          return null;
        }
        return PlayedRun.read(report);
      } finally {
        Files.deleteIfExists(report);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The app's exporter has flushed when it exits; this only absorbs a moment of visibility lag. */
  private static Recorded readSettled(ApiClient client, PlayedRun played) throws InterruptedException {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    Recorded recorded = Recorded.read(client, played);
    while (!recorded.problems().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(500);
      recorded = Recorded.read(client, played);
    }
    return recorded;
  }

  /** After the app did not finish: a Ctrl-C is a clean stop, anything else a failure. */
  private boolean stoppedByUser() {
    if (stop.getCount() == 0) {
      out.println("Stopping Sightline...");
      return true;
    }
    return false;
  }

  /** With API keys configured, the demo's app and its reads use the first one (its project holds the demo). */
  private static String apiKey(Settings settings) {
    String spec = settings.get(ApiKeys.API_KEYS);
    for (String entry : spec == null ? new String[0] : spec.split(",")) {
      int eq = entry.indexOf('=');
      if (eq > 0) {
        return entry.substring(0, eq).strip();
      }
    }
    return null;
  }

  private static String runId() {
    String id = Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36);
    return "demo-" + "0".repeat(4 - id.length()) + id;
  }
}
