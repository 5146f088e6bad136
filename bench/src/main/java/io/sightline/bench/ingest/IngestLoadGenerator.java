package io.sightline.bench.ingest;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.sightline.bench.insert.InsertBenchmark;
import io.sightline.ingest.otlp.grpc.RawBytesMarshaller;
import io.sightline.clickhouse.ClickHouseGateway;
import io.sightline.clickhouse.Gateways;
import io.sightline.clickhouse.Statement;
import io.sightline.clickhouse.StorageSettings;
import io.sightline.clickhouse.embedded.EmbeddedEngine;
import io.sightline.clickhouse.embedded.EmbeddedGateway;
import io.sightline.config.Settings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator for the ingest path: starts {@code sightline serve} (the packaged server, its
 * own JVM, embedded ClickHouse) and sends realistic GenAI agent traces over OTLP/gRPC from
 * concurrent clients for a fixed time. Prints spans/s acknowledged, spans stored (counted in
 * ClickHouse after the server stopped), p50/p99 export latency, the server's peak RSS, and in the
 * same run the raw insert ceiling of the same engine ({@link InsertBenchmark}).
 *
 * <p>Usage: {@code bench/run IngestLoadGenerator [seconds=30] [clients=4] [tracesPerRequest=64]}
 * (8 spans per trace, so 512 spans per request by default, the OTel SDK's batch size).
 */
public final class IngestLoadGenerator {
  private static final Pattern GRPC_PORT = Pattern.compile("OTLP gRPC: localhost:(\\d+)");

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    int tracesPerRequest = args.length > 2 ? Integer.parseInt(args[2]) : 64;
    Path dataDir = Files.createTempDirectory("sightline-load");
    OtlpRequestTemplates templates = new OtlpRequestTemplates(64, tracesPerRequest);
    int spansPerRequest = templates.get(0).spans();
    System.out.printf("Ingest load: %d s, %d gRPC clients, %d spans/request (~%d KB), data in %s%n",
        seconds, clients, spansPerRequest, templates.get(0).bytes().length / 1024, dataDir);

    Process server = startServer(dataDir);
    int port = awaitPort(server);
    RssSampler rss = new RssSampler(server.pid());
    rss.start();

    AtomicLong acked = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    AtomicLong sequence = new AtomicLong(1);
    List<long[]> latencies = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    CountDownLatch done = new CountDownLatch(clients);
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      long[] lat = new long[1 << 20];
      latencies.add(lat);
      int client = c;
      Thread.ofPlatform().start(() -> {
        ManagedChannel ch = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext()
            .maxInboundMessageSize(64 << 20).build();
        int n = 0;
        try {
          while (System.nanoTime() < deadline) {
            long seq = sequence.getAndIncrement();
            byte[] body = OtlpRequestTemplates.stamp(templates.get((int) (seq + client)), seq);
            long t0 = System.nanoTime();
            try {
              ClientCalls.blockingUnaryCall(ch, EXPORT, io.grpc.CallOptions.DEFAULT, body);
              lat[n++ % lat.length] = System.nanoTime() - t0;
              acked.addAndGet(spansPerRequest);
            } catch (StatusRuntimeException e) {
              if (e.getStatus().getCode() == Status.Code.RESOURCE_EXHAUSTED) {
                refused.addAndGet(spansPerRequest);
                Thread.sleep(50);
              } else {
                throw e;
              }
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          lat[lat.length - 1] = n; // count, read back below
          ch.shutdownNow();
          done.countDown();
        }
      });
    }
    done.await();
    double elapsed = (System.nanoTime() - start) / 1e9;
    rss.stop();
    new ProcessBuilder("kill", "-TERM", Long.toString(server.pid())).start().waitFor();
    int exit = server.waitFor(120, TimeUnit.SECONDS) ? server.exitValue() : -1;

    long[] all = merge(latencies);
    Arrays.sort(all);
    EmbeddedEngine engine = Gateways.startEmbeddedEngine(Settings.fromEnvironment()
        .with(Map.of(StorageSettings.DATA_DIR.property(), dataDir.toString())), System.err);
    long stored;
    try (ClickHouseGateway g = EmbeddedGateway.open(engine, "sightline", 1, false)) {
      stored = g.query(Statement.of("count_stored", "SELECT count() AS n FROM spans")).getFirst().longValue("n");
    }
    System.out.println();
    System.out.println("metric                                   value");
    System.out.printf("spans acknowledged/s                     %.0f%n", acked.get() / elapsed);
    System.out.printf("spans acknowledged                       %d%n", acked.get());
    System.out.printf("spans stored (counted in ClickHouse)     %d %s%n", stored,
        stored == acked.get() ? "(= acknowledged)" : "(MISMATCH with acknowledged)");
    System.out.printf("spans refused (RESOURCE_EXHAUSTED)       %d%n", refused.get());
    System.out.printf("export latency p50 / p99                 %.1f ms / %.1f ms%n",
        percentile(all, 0.50) / 1e6, percentile(all, 0.99) / 1e6);
    System.out.printf("server peak RSS                          %d MB%n", rss.peakKb() / 1024);
    System.out.printf("server exit status after SIGTERM         %d%n", exit);
    System.out.println();
    System.out.println("Raw insert ceiling of the same engine (Native, spans + span_content, 2 writers):");
    InsertBenchmark.ceiling(engine, 4, 50_000);
  }

  private static final MethodDescriptor<byte[], byte[]> EXPORT = MethodDescriptor
      .<byte[], byte[]>newBuilder(RawBytesMarshaller.INSTANCE, RawBytesMarshaller.INSTANCE).setType(MethodDescriptor.MethodType.UNARY)
      .setFullMethodName(TraceServiceGrpc.getExportMethod().getFullMethodName()).build();


  private static Process startServer(Path dataDir) throws IOException {
    Path jar = Path.of("server/target/sightline-server.jar");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED"));
    // Extra server JVM options, e.g. -XX:StartFlightRecording=filename=/tmp/server.jfr to profile.
    String extra = System.getenv("SIGHTLINE_BENCH_SERVER_JAVA_OPTS");
    if (extra != null && !extra.isBlank()) {
      cmd.addAll(List.of(extra.trim().split("\\s+")));
    }
    cmd.addAll(List.of("-jar", jar.toString(), "serve"));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("SIGHTLINE_DATA_DIR", dataDir.toString());
    pb.environment().put("SIGHTLINE_OTLP_GRPC_PORT", "0");
    pb.environment().put("SIGHTLINE_OTLP_HTTP_PORT", "0");
    pb.environment().put("SIGHTLINE_HTTP_PORT", "0");
    return pb.start();
  }

  private static int awaitPort(Process server) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = r.readLine()) != null) {
      Matcher m = GRPC_PORT.matcher(line);
      if (m.find()) {
        Thread.ofPlatform().daemon().start(() -> r.lines().forEach(l -> { }));
        return Integer.parseInt(m.group(1));
      }
    }
    throw new IllegalStateException("server exited before listening");
  }

  private static long[] merge(List<long[]> perClient) {
    int total = 0;
    for (long[] l : perClient) {
      total += (int) Math.min(l[l.length - 1], l.length - 1);
    }
    long[] out = new long[total];
    int o = 0;
    for (long[] l : perClient) {
      int n = (int) Math.min(l[l.length - 1], l.length - 1);
      System.arraycopy(l, 0, out, o, n);
      o += n;
    }
    return out;
  }

  private static double percentile(long[] sorted, double p) {
    return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  }

  /** Samples VmHWM (peak resident set) of a process from /proc. */
  private static final class RssSampler {
    private final long pid;
    private volatile boolean running = true;
    private volatile long peakKb;
    private Thread thread;

    RssSampler(long pid) {
      this.pid = pid;
    }

    void start() {
      thread = Thread.ofPlatform().daemon().start(() -> {
        while (running) {
          try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
              if (line.startsWith("VmHWM:")) {
                peakKb = Math.max(peakKb, Long.parseLong(line.replaceAll("\\D", "")));
              }
            }
            Thread.sleep(500);
          } catch (IOException | InterruptedException e) {
            return;
          }
        }
      });
    }

    void stop() throws InterruptedException {
      running = false;
      thread.join(2000);
    }

    long peakKb() {
      return peakKb;
    }
  }
}
