package io.sightline.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.clickhouse.ClickHouseGateway;
import io.sightline.clickhouse.Statement;
import io.sightline.clickhouse.format.InsertFormat;
import io.sightline.clickhouse.tables.SpanContentRow;
import io.sightline.clickhouse.tables.SpanRow;
import io.sightline.clickhouse.testing.TestStore;
import io.sightline.ingest.metrics.IngestMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** The pipeline against the real embedded engine. */
class IngestPipelineIT {
  private static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");

  private static List<SpanRow> trace(String traceId, int spans, long tokensEach) {
    List<SpanRow> out = new ArrayList<>();
    for (int i = 0; i < spans; i++) {
      out.add(SpanRow.builder().traceId(traceId).spanId(String.format("%016x", i + 1))
          .parentSpanId(i == 0 ? "" : String.format("%016x", 1)).startTime(T0.plusMillis(i))
          .durationNanos(1_000_000).obsType("llm").requestModel("gpt-4o-mini")
          .inputTokens(tokensEach).ingestedAt(Instant.now()).build());
    }
    return out;
  }

  private static String newTraceId() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  private static long tokens(ClickHouseGateway g, String traceId) {
    return g.query(Statement.of("tokens", "SELECT sum(input_tokens) AS t FROM trace_index WHERE trace_id = {t:String}")
        .bind("t", traceId)).getFirst().longValue("t");
  }

  @Test
  void submit_acknowledgesOnlyAfterCommit_andResentSpansAreNotCountedTwice() throws Exception {
    try (ClickHouseGateway g = TestStore.migratedDatabase("pipeline_ack");
         IngestPipeline p = new IngestPipeline(g, PipelineSettings.defaults(), new IngestMetrics())) {
      String traceId = newTraceId();
      List<SpanRow> spans = trace(traceId, 5, 100);
      List<SpanContentRow> content = List.of(new SpanContentRow("default", 30, traceId,
          spans.get(1).spanId(), spans.get(1).startTime(), Instant.now(), "", "[]", "[]", "", "", "",
          "", "", "", List.of(), 2, 0));
      PreparedWrite w = p.prepare(spans, content, List.of());
      assertThat(w.spanCount()).isEqualTo(5);
      p.submit(w).get();
      assertThat(tokens(g, traceId)).isEqualTo(500);
      assertThat(g.query(Statement.of("c", "SELECT count() AS n FROM span_content WHERE trace_id = {t:String}")
          .bind("t", traceId)).getFirst().longValue("n")).isEqualTo(1);

      // The exporter retries the same request, plus one new span.
      List<SpanRow> retry = new ArrayList<>(spans);
      retry.addAll(trace(traceId, 6, 100).subList(5, 6));
      PreparedWrite again = p.prepare(retry, content, List.of());
      assertThat(again.duplicates()).isEqualTo(5);
      assertThat(again.spanCount()).isEqualTo(1);
      p.submit(again).get();
      assertThat(tokens(g, traceId)).as("retried spans are not counted twice").isEqualTo(600);
    }
  }

  @Test
  void submit_beyondQueueCapacity_isRefusedWithRetryAdviceAndNothingKept() throws Exception {
    PipelineSettings tight = new PipelineSettings(10, Duration.ofSeconds(30), 10, 1 << 30, 1, 1000,
        InsertFormat.NATIVE, Duration.ofSeconds(7), 1);
    try (ClickHouseGateway g = TestStore.migratedDatabase("pipeline_full");
         IngestPipeline p = new IngestPipeline(g, tight, new IngestMetrics())) {
      String first = newTraceId();
      // 8 spans wait for the 30 s batch delay, so the queue holds them.
      CompletableFuture<Void> queued = p.submit(p.prepare(trace(first, 8, 1), List.of(), List.of()));
      String second = newTraceId();
      List<SpanRow> refusedSpans = trace(second, 5, 1);
      assertThatThrownBy(() -> p.submit(p.prepare(refusedSpans, List.of(), List.of())))
          .isInstanceOfSatisfying(OverloadedException.class,
              e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7)));
      // Refused spans were not remembered: the retry is accepted, not dropped as a duplicate.
      assertThat(p.prepare(refusedSpans, List.of(), List.of()).spanCount()).isEqualTo(5);
      assertThat(queued).isNotDone();
    }
  }

  @Test
  void storeFails_requestAndItsInFlightResendFail_andTheRetryIsWritten() throws Exception {
    try (ClickHouseGateway g = TestStore.migratedDatabase("pipeline_inflight");
         IngestPipeline p = new IngestPipeline(g, PipelineSettings.defaults(), new IngestMetrics())) {
      g.execute(Statement.of("break", "RENAME TABLE spans TO spans_away"));
      String traceId = newTraceId();
      List<SpanRow> spans = trace(traceId, 3, 10);
      CompletableFuture<Void> first = p.submit(p.prepare(spans, List.of(), List.of()));
      // The exporter times out and re-sends while the first write is still being retried.
      PreparedWrite resent = p.prepare(spans, List.of(), List.of());
      CompletableFuture<Void> second = p.submit(resent);

      assertThat(resent.spanCount()).isZero();
      assertThat(second).as("not acknowledged before the first copy is stored").isNotDone();
      assertThatThrownBy(second::get).isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(StoreUnavailableException.class);
      assertThatThrownBy(first::get).isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(StoreUnavailableException.class);

      g.execute(Statement.of("mend", "RENAME TABLE spans_away TO spans"));
      PreparedWrite third = p.prepare(spans, List.of(), List.of());
      PreparedWrite fourth = p.prepare(spans, List.of(), List.of());
      assertThat(third.spanCount()).as("failed spans are not treated as duplicates").isEqualTo(3);
      assertThat(fourth.spanCount()).isZero();
      CompletableFuture<Void> thirdDone = p.submit(third);
      p.submit(fourth).get();
      assertThat(thirdDone).as("the re-sent copy was acknowledged after the write it waited for").isDone();
      assertThat(tokens(g, traceId)).isEqualTo(30);
    }
  }

  @Test
  void close_drainsEverythingQueued() throws Exception {
    PipelineSettings slow = new PipelineSettings(1000, Duration.ofSeconds(60), 100_000, 1 << 30, 1,
        1000, InsertFormat.NATIVE, Duration.ofSeconds(1), 1);
    try (ClickHouseGateway g = TestStore.migratedDatabase("pipeline_drain")) {
      IngestPipeline p = new IngestPipeline(g, slow, new IngestMetrics());
      String traceId = newTraceId();
      CompletableFuture<Void> pending = p.submit(p.prepare(trace(traceId, 4, 25), List.of(), List.of()));
      assertThat(pending).isNotDone();
      p.close(Duration.ofSeconds(30));
      pending.get();
      assertThat(tokens(g, traceId)).isEqualTo(100);
      assertThatThrownBy(() -> p.submit(p.prepare(trace(newTraceId(), 1, 1), List.of(), List.of())))
          .isInstanceOf(IllegalStateException.class);
    }
  }
}
