package io.sightline.bench.agent;

import io.sightline.fakellm.FakeLlmServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Overhead of the Sightline agent extension on non-streaming openai-java calls against the local
 * fake provider: latency per call and calls per second, for the same workload in child JVMs
 * without the agent, with the agent alone (upstream openai-java instrumentation off, as the
 * extension does) and with agent + extension, printed side by side. Telemetry is created but not
 * exported ({@code none} exporters), so the figures are the in-process cost.
 *
 * <p>{@code bench/run AgentOverheadBenchmark [calls=5000] [seconds=10] [threads=4] [rounds=3]}
 */
public final class AgentOverheadBenchmark {
  private record Result(double mean, long p50, long p99, double cpu, double throughput) {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>(Map.of("calls", "5000", "seconds", "10", "threads", "4", "rounds", "3"));
    for (String arg : args) {
      String[] kv = arg.split("=", 2);
      if (kv.length != 2 || !options.containsKey(kv[0])) {
        System.err.println("usage: AgentOverheadBenchmark [calls=N] [seconds=N] [threads=N] [rounds=N]");
        System.exit(2);
      }
      options.put(kv[0], kv[1]);
    }
    Path agent = Path.of(System.getProperty("sightline.bench.agent", "bench/target/agent/opentelemetry-javaagent.jar"));
    Path extension = Path.of(System.getProperty("sightline.bench.extension", "otel-instrumentation/target/sightline-extension.jar"));
    for (Path jar : List.of(agent, extension)) {
      if (!Files.isRegularFile(jar)) {
        throw new IllegalStateException("missing " + jar + ": build with bench/run (or ./mvnw package -pl bench -am)");
      }
    }
    List<String> agentOnly = List.of("-javaagent:" + agent, "-Dotel.instrumentation.openai-java.enabled=false");
    List<String> withExtension = List.of("-javaagent:" + agent, "-Dotel.javaagent.extensions=" + extension);
    Map<String, List<String>> configs = new LinkedHashMap<>();
    configs.put("no agent", List.of());
    configs.put("agent only", agentOnly);
    configs.put("agent + extension", withExtension);

    Map<String, List<Result>> results = new LinkedHashMap<>();
    try (FakeLlmServer llm = FakeLlmServer.start()) {
      for (int round = 0; round < Integer.parseInt(options.get("rounds")); round++) {
        for (Map.Entry<String, List<String>> config : configs.entrySet()) {
          results.computeIfAbsent(config.getKey(), k -> new ArrayList<>()).add(run(config.getValue(), llm.baseUrl(), options));
          llm.clearRequests();
        }
      }
    }
    System.out.printf("%nAgent extension overhead: openai-java chat completions (non-streaming) against fake-llm%n");
    // Rounds interleave the configurations; each figure is the median over rounds, which keeps a
    // neighbour's burst on a shared machine from deciding the comparison.
    Map<String, Result> best = new LinkedHashMap<>();
    results.forEach((name, rs) -> best.put(name, median(rs)));
    System.out.printf("%d sequential calls for latency, %s threads for %s s for throughput, median of %s rounds%n%n",
        Integer.parseInt(options.get("calls")), options.get("threads"), options.get("seconds"), options.get("rounds"));
    System.out.printf("%-20s %10s %9s %9s %14s %10s%n", "configuration", "mean µs", "p50 µs", "p99 µs", "cpu µs/call", "calls/s");
    best.forEach((name, r) -> System.out.printf("%-20s %10.1f %9d %9d %14.1f %10.1f%n",
        name, r.mean(), r.p50(), r.p99(), r.cpu(), r.throughput()));
    Result base = best.get("agent only");
    Result ext = best.get("agent + extension");
    System.out.printf("%nadded by the extension: mean %+.1f µs, p50 %+d µs, calling-thread CPU %+.1f µs per call; throughput %+.1f %%%n",
        ext.mean() - base.mean(), ext.p50() - base.p50(), ext.cpu() - base.cpu(),
        100.0 * (ext.throughput() - base.throughput()) / base.throughput());
    System.out.printf("goal: < 50 µs per call, throughput within 2 %%%n");
  }

  private static Result median(List<Result> rs) {
    return new Result(
        rs.stream().mapToDouble(Result::mean).sorted().toArray()[rs.size() / 2],
        rs.stream().mapToLong(Result::p50).sorted().toArray()[rs.size() / 2],
        rs.stream().mapToLong(Result::p99).sorted().toArray()[rs.size() / 2],
        rs.stream().mapToDouble(Result::cpu).sorted().toArray()[rs.size() / 2],
        rs.stream().mapToDouble(Result::throughput).sorted().toArray()[rs.size() / 2]);
  }

  private static Result run(List<String> jvmArgs, String baseUrl, Map<String, String> options)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    cmd.addAll(jvmArgs);
    cmd.addAll(List.of("-Dotel.traces.exporter=none", "-Dotel.metrics.exporter=none", "-Dotel.logs.exporter=none",
        "-Dotel.javaagent.logging=none"));
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ChatWorkload.class.getName(), baseUrl,
        "2000", options.get("calls"), options.get("threads"), options.get("seconds")));
    Process process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0 || !output.contains("RESULT ")) {
      throw new IllegalStateException("workload failed:\n" + output);
    }
    String line = output.lines().filter(l -> l.startsWith("RESULT ")).findFirst().orElseThrow();
    Map<String, String> v = new LinkedHashMap<>();
    for (String kv : line.substring(7).split(" ")) {
      String[] p = kv.split("=");
      v.put(p[0], p[1]);
    }
    return new Result(Double.parseDouble(v.get("mean")), Long.parseLong(v.get("p50")), Long.parseLong(v.get("p99")),
        Double.parseDouble(v.get("cpu")), Double.parseDouble(v.get("throughput")));
  }
}
