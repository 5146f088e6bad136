package io.sightline.bench.query;

import io.javalin.Javalin;
import io.sightline.auth.ApiKeys;
import io.sightline.clickhouse.ClickHouseGateway;
import io.sightline.clickhouse.Gateways;
import io.sightline.clickhouse.Statement;
import io.sightline.clickhouse.StorageSettings;
import io.sightline.clickhouse.embedded.EmbeddedEngine;
import io.sightline.clickhouse.embedded.EmbeddedGateway;
import io.sightline.clickhouse.format.InsertFormat;
import io.sightline.clickhouse.schema.MigrationRunner;
import io.sightline.clickhouse.schema.SchemaFlavour;
import io.sightline.clickhouse.tables.SpanContentRow;
import io.sightline.clickhouse.tables.SpanContentTable;
import io.sightline.clickhouse.tables.SpanRow;
import io.sightline.clickhouse.tables.SpansTable;
import io.sightline.config.Settings;
import io.sightline.query.QueryApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Query latency at scale: fills the embedded store with realistic multi-step agent sessions
 * (about 200 spans each, spread over the last 24 hours) and times the query API over HTTP, as a
 * client sees it: trace detail, session detail, filtered trace lists and 24-hour timeseries.
 * Prints p50/p95 per query kind and a markdown table.
 *
 * <p>Usage: {@code bench/run QueryBenchmark [spans=10000000] [dataDir=bench/target/query-bench]}.
 * A data directory that already holds the requested number of spans is reused (no reload).
 */
public final class QueryBenchmark {
  static final Instant END = Instant.parse("2026-11-27T12:00:00Z");
  static final int BATCH_SESSIONS = 500;
  static final String DATABASE = "bench_query";

  public static void main(String[] args) throws Exception {
    long spans = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 10_000_000L;
    Path dir = Path.of(args.length > 1 ? args[1] : "bench/target/query-bench");
    Files.createDirectories(dir);
    Settings settings = Settings.fromEnvironment()
        .with(Map.of(StorageSettings.DATA_DIR.property(), dir.toAbsolutePath().toString()));
    EmbeddedEngine engine = Gateways.startEmbeddedEngine(settings, System.err);
    int sessions = (int) Math.max(1, spans / (SessionGenerator.TURNS * SessionGenerator.SPANS_PER_TRACE));
    System.out.printf("Query benchmark: %,d sessions x %d traces x %d spans = %,d spans, %d cores, embedded ClickHouse%n",
        sessions, SessionGenerator.TURNS, SessionGenerator.SPANS_PER_TRACE,
        (long) sessions * SessionGenerator.TURNS * SessionGenerator.SPANS_PER_TRACE,
        Runtime.getRuntime().availableProcessors());
    try (ClickHouseGateway g = EmbeddedGateway.open(engine, DATABASE, 4, true)) {
      new MigrationRunner(g, SchemaFlavour.singleNode()).migrate();
      Samples samples = load(g, sessions);
      Javalin app = Javalin.create(QueryApi.create(g, ApiKeys.open(), Settings.of(Map.of()),
          InstantSource.fixed(END))::register).start(0);
      try {
        measure(app.port(), samples);
      } finally {
        app.stop();
      }
    }
  }

  /** Trace and session ids to query, picked while generating. */
  record Samples(List<String> traces, List<String> sessions) {}

  private static Samples load(ClickHouseGateway g, int sessions) {
    long have = g.query(Statement.of("count", "SELECT count() AS n FROM spans")).getFirst().longValue("n");
    long want = (long) sessions * SessionGenerator.TURNS * SessionGenerator.SPANS_PER_TRACE;
    boolean reuse = have == want;
    if (!reuse && have > 0) {
      throw new IllegalStateException("the data directory holds " + have + " spans, not " + want
          + ": use another directory or delete it");
    }
    SessionGenerator gen = new SessionGenerator(7);
    SplittableRandom pick = new SplittableRandom(11);
    List<String> traces = new ArrayList<>();
    List<String> sessionIds = new ArrayList<>();
    List<SpanRow> rows = new ArrayList<>();
    List<SpanContentRow> content = new ArrayList<>();
    long started = System.nanoTime();
    long span = Duration.ofHours(23).toMillis();
    for (int s = 0; s < sessions; s++) {
      String id = "sess-" + s;
      Instant start = END.minus(Duration.ofHours(24)).plusMillis((long) ((double) s / sessions * span));
      List<String> ids = gen.session(id, start, reuse ? r -> { } : rows::add, reuse ? c -> { } : content::add);
      if (pick.nextInt(Math.max(1, sessions / 400)) == 0) {
        sessionIds.add(id);
        traces.add(ids.get(pick.nextInt(ids.size())));
      }
      if (!reuse && (rows.size() >= BATCH_SESSIONS * 200 || s == sessions - 1)) {
        g.insert(SpansTable.batch(rows, InsertFormat.NATIVE));
        g.insert(SpanContentTable.batch(content, InsertFormat.NATIVE));
        rows.clear();
        content.clear();
        if ((s + 1) % (BATCH_SESSIONS * 20) == 0 || s == sessions - 1) {
          double secs = (System.nanoTime() - started) / 1e9;
          System.out.printf("  loaded %,d sessions (%,d spans) in %.0f s: %,.0f spans/s%n", s + 1,
              (s + 1L) * 200, secs, (s + 1L) * 200 / secs);
        }
      }
    }
    if (reuse) {
      System.out.printf("  reusing %,d spans already in %s%n", have, DATABASE);
    } else {
      System.out.printf("  load finished in %.0f s%n", (System.nanoTime() - started) / 1e9);
    }
    return new Samples(traces, sessionIds);
  }

  private static void measure(int port, Samples samples) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String base = "http://localhost:" + port + "/api/v1/";
    List<String> lists = List.of("traces?model=gpt-4o&status=error",
        "traces?service=billing-agent&minDurationMs=5000", "traces?tool=get_weather&sort=cost",
        "traces?userId=user-17", "traces?agent=planner&environment=staging&limit=100",
        "traces?provider=anthropic&minCostUsd=0.001&sort=duration");
    List<String> series = List.of("metrics/timeseries?metric=latency_p95&groupBy=model&interval=15m",
        "metrics/timeseries?metric=requests&interval=1h",
        "metrics/timeseries?metric=cost&groupBy=service&interval=5m",
        "metrics/timeseries?metric=error_rate&groupBy=tool&type=tool&interval=30m");
    List<Row> out = new ArrayList<>();
    out.add(run(http, "trace detail (8 spans)", rotate(base + "traces/", samples.traces(), 200)));
    out.add(run(http, "session detail (200 spans)", rotate(base + "sessions/", samples.sessions(), 100)));
    out.add(run(http, "trace list, filtered, 24 h", rotate(base, lists, 60)));
    out.add(run(http, "timeseries, 24 h", rotate(base, series, 60)));
    out.add(run(http, "metrics summary, 24 h", rotate(base, List.of("metrics/summary"), 20)));
    out.add(run(http, "session list, 24 h", rotate(base, List.of("sessions?limit=50"), 20)));
    System.out.println();
    System.out.println("| query | requests | p50 ms | p95 ms | max ms |");
    System.out.println("| --- | --- | --- | --- | --- |");
    for (Row r : out) {
      System.out.printf("| %s | %d | %.1f | %.1f | %.1f |%n", r.name, r.n, r.p50, r.p95, r.max);
    }
  }

  record Row(String name, int n, double p50, double p95, double max) {}

  private static List<String> rotate(String prefix, List<String> items, int n) {
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(prefix + items.get(i % items.size()));
    }
    return out;
  }

  private static Row run(HttpClient http, String name, List<String> urls) throws Exception {
    for (String u : urls.subList(0, Math.min(5, urls.size()))) {
      call(http, u);
    }
    double[] ms = new double[urls.size()];
    Map<String, List<Double>> byUrl = new LinkedHashMap<>();
    for (int i = 0; i < urls.size(); i++) {
      long t = System.nanoTime();
      call(http, urls.get(i));
      ms[i] = (System.nanoTime() - t) / 1e6;
      byUrl.computeIfAbsent(urls.get(i), u -> new ArrayList<>()).add(ms[i]);
    }
    Arrays.sort(ms);
    Row r = new Row(name, ms.length, ms[(int) Math.floor(0.5 * (ms.length - 1))],
        ms[(int) Math.ceil(0.95 * (ms.length - 1))], ms[ms.length - 1]);
    System.out.printf("%-28s n=%-4d p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms%n", name, r.n, r.p50, r.p95, r.max);
    if (byUrl.size() <= 10) {
      // A mix of queries: show which one drives the tail.
      byUrl.forEach((u, t) -> System.out.printf("    max %7.1f ms  %s%n",
          t.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), u.substring(u.indexOf("/api/"))));
    }
    return r;
  }

  private static void call(HttpClient http, String url) throws Exception {
    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(url + " -> " + r.statusCode() + " " + new String(r.body()));
    }
  }
}
