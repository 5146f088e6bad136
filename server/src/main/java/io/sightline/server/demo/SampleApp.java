package io.sightline.server.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The sample app in its own JVM, instrumented as a user would instrument theirs: the
 * OpenTelemetry Java agent, sightline-extension.jar, OTLP/HTTP to Sightline, message content
 * captured, session and user ids kept out of the requests to the provider. Its output is relayed
 * line by line as the demo's progress.
 */
final class SampleApp {
  static final String SERVICE_NAME = "support-agent";

  private final List<String> command;
  private final ProcessBuilder builder;
  private Process process;
  private boolean stopped;

  /** {@code apiKey}: a Sightline API key for its exports and feedback, or null when Sightline runs without keys. */
  SampleApp(DemoFiles files, String otlpHttpEndpoint, String providerBaseUrl, String sightlineApiUrl,
      String apiKey, String runId, Path report) {
    command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-javaagent:" + files.javaAgent(),
        "-Dotel.javaagent.extensions=" + files.extension(),
        "-Dotel.service.name=" + SERVICE_NAME,
        "-Dotel.resource.attributes=deployment.environment.name=demo",
        "-Dotel.exporter.otlp.endpoint=" + otlpHttpEndpoint,
        "-Dotel.exporter.otlp.protocol=http/protobuf",
        "-Dotel.traces.exporter=otlp",
        "-Dotel.logs.exporter=otlp",
        // Sightline reads GenAI metrics from the spans; it has no OTLP metrics endpoint.
        "-Dotel.metrics.exporter=none",
        // Short batches so that traces arrive while the demo runs.
        "-Dotel.bsp.schedule.delay=200",
        "-Dotel.blrp.schedule.delay=200",
        // Session and user ids stay inside the process instead of travelling to the provider.
        "-Dotel.propagators=tracecontext,baggage-filtered",
        "-Dotel.instrumentation.genai.capture-message-content=true",
        // A short-lived JVM: the C1 compiler alone starts the agent faster. The agent's boot class
        // path leaves class-data sharing little to share, and the JVM warns about it: off.
        "-XX:TieredStopAtLevel=1",
        "-Xshare:off",
        "-jar", files.app().toString(),
        "--run-id", runId,
        "--report", report.toString()));
    builder = new ProcessBuilder(command).redirectErrorStream(true);
    // The user's own OTEL_* variables (a sampler, another endpoint) would change what the demo shows.
    builder.environment().keySet().removeIf(name -> name.startsWith("OTEL_"));
    builder.environment().put("OPENAI_BASE_URL", providerBaseUrl + "/v1");
    builder.environment().put("OPENAI_API_KEY", "sk-demo-not-a-real-key");
    builder.environment().put("SIGHTLINE_API_URL", sightlineApiUrl);
    if (apiKey != null) {
      // In the environment rather than on the command line, where any user could read it.
      builder.environment().put("OTEL_EXPORTER_OTLP_HEADERS", "x-sightline-api-key=" + apiKey);
      builder.environment().put("SIGHTLINE_API_KEY", apiKey);
    }
  }

  List<String> command() {
    return List.copyOf(command);
  }

  /**
   * Runs the app to its end, printing each line of its output after {@code prefix}; returns its
   * exit code, or -1 when it did not finish in time or was stopped by {@link #stop}.
   */
  int run(PrintStream out, String prefix, Duration timeout) throws InterruptedException {
    Process p;
    synchronized (this) {
      if (stopped) {
        return -1;
      }
      try {
        p = builder.start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the sample app: " + e.getMessage(), e);
      }
      process = p;
    }
    Thread relay = Thread.ofPlatform().daemon().name("sample-app-output").start(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          out.println(prefix + line);
        }
      } catch (IOException e) {
        // the process was stopped: nothing more to relay
      }
    });
    boolean finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (!finished) {
      stop();
    }
    relay.join(2000);
    return finished ? p.exitValue() : -1;
  }

  /** Stops the app if it is running, or keeps it from starting (its agent still flushes what it recorded). */
  void stop() {
    Process p;
    synchronized (this) {
      stopped = true;
      p = process;
    }
    if (p != null && p.isAlive()) {
      p.destroy();
      try {
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
