package io.sightline.bench.insert;

import io.sightline.bench.support.SpanGenerator;
import io.sightline.bench.support.SpanGenerator.GeneratedSpan;
import io.sightline.clickhouse.ClickHouseGateway;
import io.sightline.clickhouse.Gateways;
import io.sightline.clickhouse.StorageSettings;
import io.sightline.clickhouse.embedded.EmbeddedEngine;
import io.sightline.clickhouse.embedded.EmbeddedGateway;
import io.sightline.clickhouse.format.InsertBatch;
import io.sightline.clickhouse.format.InsertFormat;
import io.sightline.clickhouse.schema.MigrationRunner;
import io.sightline.clickhouse.schema.SchemaFlavour;
import io.sightline.clickhouse.tables.SpanContentTable;
import io.sightline.clickhouse.tables.SpansTable;
import io.sightline.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The raw insert ceiling of the embedded engine: realistic span rows (≈ 30 attributes, previews,
 * ≈ 1 KB of content in span_content) written through the gateway into the real schema
 * (materialized views included), in each insert format, by one and by two writers. Prints
 * rows/s and MB/s of encoded data; time is spent inside {@code gateway.insert} only (encoding is
 * printed apart). Usage: {@code bench/run InsertBenchmark [batches=10] [batchSize=50000]}.
 */
public final class InsertBenchmark {
  public static void main(String[] args) throws Exception {
    int batches = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
    Path dir = Files.createTempDirectory("sightline-insert-bench");
    Settings settings = Settings.fromEnvironment().with(Map.of(StorageSettings.DATA_DIR.property(), dir.toString()));
    var engine = Gateways.startEmbeddedEngine(settings, System.err);

    SpanGenerator gen = new SpanGenerator(42);
    List<List<GeneratedSpan>> data = new ArrayList<>();
    for (int b = 0; b < batches; b++) {
      data.add(gen.traces(batchSize / 8, Instant.parse("2026-11-26T00:00:00Z"), 86_400));
    }
    System.out.printf("Insert ceiling: %d batches x %d spans, realistic GenAI rows, embedded ClickHouse %s%n",
        batches, batchSize, engine.libraryVersion());
    System.out.println("variant                               writers  rows/s     MB/s   encode rows/s  bytes/row");
    for (InsertFormat format : InsertFormat.values()) {
      for (boolean withContent : new boolean[] {false, true}) {
        for (int writers : new int[] {1, 2}) {
          try (ClickHouseGateway g = EmbeddedGateway.open(engine, "bench_" + System.nanoTime(), writers, false)) {
            new MigrationRunner(g, SchemaFlavour.singleNode()).migrate();
            run(g, data, format, withContent, writers);
          }
        }
      }
    }
  }

  /** One line: the best variant (Native, spans + content, 2 writers) on an already started engine. */
  public static void ceiling(EmbeddedEngine engine, int batches, int batchSize) throws Exception {
    SpanGenerator gen = new SpanGenerator(7);
    List<List<GeneratedSpan>> data = new ArrayList<>();
    for (int b = 0; b < batches; b++) {
      data.add(gen.traces(batchSize / 8, Instant.parse("2026-11-26T00:00:00Z"), 86_400));
    }
    System.out.println("variant                               writers  rows/s     MB/s   encode rows/s  bytes/row");
    try (ClickHouseGateway g = EmbeddedGateway.open(engine, "ceiling_" + System.nanoTime(), 2, false)) {
      new MigrationRunner(g, SchemaFlavour.singleNode()).migrate();
      run(g, data, InsertFormat.NATIVE, true, 2);
    }
  }

  private static void run(ClickHouseGateway g, List<List<GeneratedSpan>> data, InsertFormat format,
      boolean withContent, int writers) throws Exception {
    // Encode first, so the figure is ClickHouse's own cost; encoding is reported separately.
    long encodeStart = System.nanoTime();
    List<List<InsertBatch>> encoded = new ArrayList<>();
    long bytes = 0;
    long rows = 0;
    for (List<GeneratedSpan> batch : data) {
      List<InsertBatch> parts = new ArrayList<>();
      parts.add(SpansTable.batch(batch.stream().map(GeneratedSpan::span).toList(), format));
      if (withContent) {
        parts.add(SpanContentTable.batch(batch.stream().map(GeneratedSpan::content).toList(), format));
      }
      for (InsertBatch p : parts) {
        bytes += p.data().length;
      }
      rows += batch.size();
      encoded.add(parts);
    }
    double encodeSeconds = (System.nanoTime() - encodeStart) / 1e9;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (List<InsertBatch> parts : encoded) {
      futures.add(pool.submit(() -> parts.forEach(g::insert)));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    String variant = format.clickHouseName() + (withContent ? " spans + span_content" : " spans only");
    System.out.printf("%-37s %7d  %8.0f  %6.1f  %13.0f  %9d%n", variant, writers, rows / seconds,
        bytes / seconds / 1e6, rows / encodeSeconds, bytes / rows);
  }
}
