package io.sightline.ingest.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.clickhouse.tables.SpanContentRow;
import io.sightline.clickhouse.tables.SpanRow;
import io.sightline.genai.pricing.PriceCatalog;
import io.sightline.genai.redact.Redactor;
import io.sightline.ingest.model.NormalizedBatch;
import io.sightline.ingest.model.NormalizedResult;
import io.sightline.ingest.model.NormalizedSpan;
import io.sightline.ingest.model.ObsType;
import io.sightline.ingest.model.SemconvSource;
import io.sightline.ingest.model.SpanContent;
import io.sightline.ingest.model.SpanKind;
import io.sightline.ingest.model.StatusCode;
import io.sightline.ingest.model.TokenUsage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnricherTest {
  private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
  private static final String TRACE = "0123456789abcdef0123456789abcdef";

  private final Enricher enricher = new Enricher(PriceCatalog.loadDefault(), Redactor.defaults(),
      new EnrichSettings(30, 7, 4096, true, 1000), InstantSource.fixed(NOW));

  private static NormalizedSpan.Builder llm(String spanId) {
    return NormalizedSpan.builder().traceId(TRACE).spanId(spanId).parentSpanId("")
        .startNanos(1_795_787_324_000_000_000L).endNanos(1_795_787_325_000_000_000L)
        .serviceName("svc").serviceVersion("").environment("").scopeName("").scopeVersion("")
        .spanName("chat").spanKind(SpanKind.CLIENT).statusCode(StatusCode.OK).statusMessage("")
        .obsType(ObsType.LLM).operationName("chat").provider("openai").requestModel("gpt-4o-mini")
        .responseModel("gpt-4o-mini-2024-07-18").responseId("").agentName("").agentId("")
        .toolName("").toolCallId("").sessionId("").userId("").promptName("").promptVersion("")
        .finishReasons(List.of("stop")).errorType("").errorMessage("").streaming(false).ttftMs(0)
        .usage(new TokenUsage(1_000_000, 100_000, 1_100_000, 500_000, 0, 0)).usageIsRollup(false)
        .reportedCostUsd(null).semconvSource(SemconvSource.OTEL_GENAI)
        .spanAttributes(Map.of()).resourceAttributes(Map.of()).events(List.of()).links(List.of());
  }

  private static SpanContent content(String input) {
    return new SpanContent("", input, "", "", "", "", "", "", "",
        "preview " + input.substring(0, Math.min(200, input.length())), "");
  }

  private Enricher.Rows enrich(NormalizedSpan span, SpanContent content) {
    return enricher.enrich("proj", new NormalizedBatch(List.of(new NormalizedResult(span, content)),
        List.of(), 0, 0));
  }

  @Test
  void cost_computedFromCatalogWithoutDoubleCountingCache() {
    SpanRow row = enrich(llm("0000000000000001").build(), SpanContent.EMPTY).spans().getFirst();
    // gpt-4o-mini: $0.15/M input, $0.075/M cached input, $0.60/M output. Input is inclusive of
    // the 500k cached tokens: 500k × 0.15 + 500k × 0.075 + 100k × 0.60 (per million).
    assertThat(row.costUsd()).isEqualByComparingTo(new BigDecimal("0.075").add(new BigDecimal("0.0375"))
        .add(new BigDecimal("0.06")));
    assertThat(row.costSource()).isEqualTo("computed");
    assertThat(row.priceVersion()).isEqualTo(PriceCatalog.loadDefault().version());
    assertThat(row.projectId()).isEqualTo("proj");
    assertThat(row.ingestedAt()).isEqualTo(NOW);
  }

  @Test
  void cost_reportedWins_unknownModelIsNullAndCounted_rollupHasNone() {
    assertThat(enrich(llm("0000000000000001").reportedCostUsd(new BigDecimal("0.0123")).build(),
        SpanContent.EMPTY).spans().getFirst()).satisfies(r -> {
          assertThat(r.costUsd()).isEqualByComparingTo("0.0123");
          assertThat(r.costSource()).isEqualTo("reported");
        });
    Enricher.Rows unknown = enrich(llm("0000000000000002").requestModel("mystery-1")
        .responseModel("mystery-1").build(), SpanContent.EMPTY);
    assertThat(unknown.spans().getFirst().costUsd()).isNull();
    assertThat(unknown.spans().getFirst().costSource()).isEqualTo("none");
    assertThat(unknown.unpricedSpans()).isEqualTo(1);
    Enricher.Rows rollup = enrich(llm("0000000000000003").obsType(ObsType.AGENT).usageIsRollup(true)
        .build(), SpanContent.EMPTY);
    assertThat(rollup.spans().getFirst().costUsd()).isNull();
    assertThat(rollup.unpricedSpans()).isZero();
    Enricher.Rows absurd = enrich(llm("0000000000000004").reportedCostUsd(new BigDecimal("1E12")).build(),
        SpanContent.EMPTY);
    assertThat(absurd.spans().getFirst().costSource()).isEqualTo("computed");
  }

  @Test
  void redaction_coversContentPreviewsErrorsAndAttributes_butNotIdentifiers() {
    NormalizedSpan span = llm("0000000000000001").errorMessage("card 4111 1111 1111 1111 declined")
        .spanAttributes(Map.of("app.note", "mail bob@example.org", "user.id", "alice@example.com"))
        .build();
    Enricher.Rows rows = enrich(span,
        content("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"my key is sk-proj-abcdefghijklmnopqrstuvwxyz0123456789ABCD\"}]}]"));
    SpanRow row = rows.spans().getFirst();
    SpanContentRow c = rows.content().getFirst();
    assertThat(c.inputMessages()).contains("<SECRET>").doesNotContain("sk-proj-");
    assertThat(row.inputPreview()).doesNotContain("sk-proj-");
    assertThat(row.errorMessage()).contains("<CARD>").doesNotContain("4111");
    assertThat(row.spanAttributes()).containsEntry("app.note", "mail <EMAIL>")
        .containsEntry("user.id", "alice@example.com");
    assertThat(c.redactionCount()).isEqualTo(1);
    assertThat(rows.redactions()).isGreaterThanOrEqualTo(4);
    assertThat(c.contentRetentionDays()).isEqualTo(7);
  }

  @Test
  void sizeCap_cutsLongContentWithMarkerAndOriginalSize() {
    String big = "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"" + "a".repeat(10_000) + "\"}]}]";
    Enricher.Rows rows = enrich(llm("0000000000000001").spanAttributes(Map.of("blob", "b".repeat(9000))).build(),
        content(big));
    SpanContentRow c = rows.content().getFirst();
    assertThat(c.truncatedFields()).containsExactly("input_messages");
    assertThat(c.inputMessages()).startsWith("{\"sightline.truncated\":true,\"original_bytes\":" + big.length());
    assertThat(c.inputMessages().length()).isLessThanOrEqualTo(4096);
    assertThat(c.originalBytes()).isEqualTo(big.length());
    assertThat(rows.spans().getFirst().spanAttributes().get("blob"))
        .endsWith("…[truncated by Sightline: 9000 bytes]").hasSizeLessThan(4096);
    assertThat(rows.truncatedFields()).isEqualTo(2);
  }

  @Test
  void identity_fromAnEarlierRequest_appliesToLaterSpansOfTheTrace() {
    enrich(llm("0000000000000001").sessionId("sess-1").userId("u-1").build(), SpanContent.EMPTY);
    SpanRow later = enrich(llm("0000000000000002").build(), SpanContent.EMPTY).spans().getFirst();
    assertThat(later.sessionId()).isEqualTo("sess-1");
    assertThat(later.userId()).isEqualTo("u-1");
  }

  @Test
  void storeContentOff_keepsNoContentOrPreviews() {
    Enricher off = new Enricher(PriceCatalog.loadDefault(), Redactor.defaults(),
        new EnrichSettings(30, 30, 4096, false, 10), InstantSource.fixed(NOW));
    Enricher.Rows rows = off.enrich("p", new NormalizedBatch(List.of(new NormalizedResult(
        llm("0000000000000001").build(), content("[]"))), List.of(), 0, 0));
    assertThat(rows.content()).isEmpty();
    assertThat(rows.spans().getFirst().inputPreview()).isEmpty();
  }
}
