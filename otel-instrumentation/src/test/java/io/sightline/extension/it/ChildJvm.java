package io.sightline.extension.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a scenario app in a child JVM with the real agent (and, unless disabled, the built
 * extension), exporting by OTLP/HTTP to the in-test receiver. The app's class path is built from
 * the test class path minus the agent/test infrastructure and minus the libraries the app does
 * not use, so instrumentations of absent libraries stay inactive, as in a real application.
 */
final class ChildJvm {
  static final String JDK17 = "/usr/lib/jvm/java-17-openjdk-amd64";
  private static final List<String> INFRASTRUCTURE = List.of(
      "/net/bytebuddy/", "/io/opentelemetry/javaagent/", "/io/opentelemetry/instrumentation/",
      "/opentelemetry-sdk", "/opentelemetry-api-incubator", "/opentelemetry-semconv", "/io/opentelemetry/proto/",
      "/com/google/protobuf/", "/com/google/auto/", "/org/junit/", "/junit/", "/org/assertj/",
      "/org/opentest4j/", "/org/apiguardian/", "/io/sightline/");
  /** Library marker path → what an app declares it uses. */
  static final Map<String, String> LIBRARIES = Map.of(
      "openai", "/com/openai/", "anthropic", "/com/anthropic/", "langchain4j", "/dev/langchain4j/",
      "spring-ai", "/org/springframework/");

  private final String mainClass;
  private final List<String> uses;
  private final Map<String, String> properties = new LinkedHashMap<>();
  private String javaHome = System.getProperty("java.home");
  private boolean withAgent = true;
  private boolean withExtension = true;
  private final Map<String, String> jarSwaps = new LinkedHashMap<>();

  ChildJvm(Class<?> mainClass, String... uses) {
    this.mainClass = mainClass.getName();
    this.uses = Arrays.asList(uses);
  }

  ChildJvm property(String key, String value) {
    properties.put(key, value);
    return this;
  }

  ChildJvm javaHome(String home) {
    javaHome = home;
    return this;
  }

  ChildJvm withoutExtension() {
    withExtension = false;
    return this;
  }

  ChildJvm withoutAgent() {
    withAgent = false;
    return this;
  }

  /** Replaces class-path jars whose file name starts with {@code prefix} by {@code jar}. */
  ChildJvm swapJar(String prefix, Path jar) {
    jarSwaps.put(prefix, jar.toString());
    return this;
  }

  record Result(int exitCode, List<String> stdout, String stderr) {
    /** The app's result lines ({@code OUT scenario: value}), in order. */
    List<String> outputs() {
      return stdout.stream().filter(l -> l.startsWith("OUT ")).toList();
    }
  }

  Result run(OtlpReceiver otlp, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(javaHome, "bin", "java").toString());
    if (withAgent) {
      cmd.add("-javaagent:" + System.getProperty("sightline.agent.jar"));
      if (withExtension) {
        cmd.add("-Dotel.javaagent.extensions=" + System.getProperty("sightline.extension.jar"));
        // the quickstart's setting: session and user ids stay inside the process
        cmd.add("-Dotel.propagators=tracecontext,baggage-filtered");
      }
      cmd.add("-Dotel.service.name=it-app");
      cmd.add("-Dotel.traces.exporter=otlp");
      cmd.add("-Dotel.metrics.exporter=otlp");
      cmd.add("-Dotel.logs.exporter=none");
      cmd.add("-Dotel.exporter.otlp.protocol=http/protobuf");
      cmd.add("-Dotel.exporter.otlp.endpoint=" + otlp.endpoint());
      cmd.add("-Dotel.bsp.schedule.delay=100");
      cmd.add("-Dotel.metric.export.interval=60000");
      cmd.add("-Dotel.javaagent.logging=simple");
    }
    cmd.add("-Xshare:auto");
    cmd.add("-XX:TieredStopAtLevel=1");
    properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
    cmd.add("-cp");
    cmd.add(classPath());
    cmd.add(mainClass);
    cmd.addAll(Arrays.asList(args));
    Path out = Files.createTempFile("child-out", ".txt");
    Path err = Files.createTempFile("child-err", ".txt");
    Process process = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("child JVM timed out: " + Files.readString(err));
    }
    Result result = new Result(process.exitValue(), Files.readAllLines(out), Files.readString(err));
    if (Boolean.getBoolean("sightline.it.verbose")) {
      System.out.println(String.join("\n", result.stdout()) + "\n" + result.stderr());
    }
    Files.deleteIfExists(out);
    Files.deleteIfExists(err);
    if (result.exitCode() != 0) {
      throw new IllegalStateException("child JVM exited with " + result.exitCode() + "\nstdout:\n"
          + String.join("\n", result.stdout()) + "\nstderr:\n" + result.stderr());
    }
    return result;
  }

  private String classPath() throws IOException {
    List<String> entries = new ArrayList<>();
    entries.add(System.getProperty("sightline.it.test-classes"));
    String all = Files.readString(Path.of(System.getProperty("sightline.it.classpath"))).trim();
    for (String entry : all.split(java.io.File.pathSeparator)) {
      String path = entry.replace('\\', '/');
      if (!path.endsWith(".jar") || INFRASTRUCTURE.stream().anyMatch(path::contains)) {
        continue;
      }
      boolean otherLibrary = LIBRARIES.entrySet().stream()
          .anyMatch(lib -> !uses.contains(lib.getKey()) && path.contains(lib.getValue()));
      if (otherLibrary) {
        continue;
      }
      String fileName = Path.of(entry).getFileName().toString();
      String swapped = jarSwaps.entrySet().stream().filter(s -> fileName.startsWith(s.getKey()))
          .map(Map.Entry::getValue).findFirst().orElse(entry);
      entries.add(swapped);
    }
    return String.join(java.io.File.pathSeparator, entries);
  }
}
