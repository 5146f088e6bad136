package io.sightline.ingest.normalize;

import static io.sightline.ingest.normalize.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.ingest.model.Attributes;
import io.sightline.ingest.model.NormalizedBatch;
import io.sightline.ingest.model.RawLogRecord;
import io.sightline.ingest.model.RawSpan;
import io.sightline.ingest.model.SpanContent;
import java.util.List;
import org.junit.jupiter.api.Test;

class NormalizerBatchTest {

    @Test
    void normalize_batch_propagatesIdentityAndCountsSkippedLogs() {
        RawSpan root = span("gen_ai.operation.name", "invoke_agent", "gen_ai.conversation.id", "c-1", "user.id", "u-1").root().build();
        RawSpan child = new RawSpan(root.resource(), "s", "", root.traceId(), "1234567812345678", root.spanId(), "chat",
                io.sightline.ingest.model.SpanKind.CLIENT, 1, 2, Attributes.of("gen_ai.operation.name", "chat"),
                List.of(), List.of(), io.sightline.ingest.model.StatusCode.UNSET, "", 0, 0, 0);
        RawLogRecord notGenAi = new RawLogRecord(1, 1, "", "", 9, "", "app.started", "hi", Attributes.EMPTY,
                Attributes.EMPTY, "", "", 0);

        NormalizedBatch batch = new Normalizer().normalize(List.of(child, root), List.of(notGenAi));

        assertThat(batch.spans()).hasSize(2).allSatisfy(r -> {
            assertThat(r.span().sessionId()).isEqualTo("c-1");
            assertThat(r.span().userId()).isEqualTo("u-1");
        });
        assertThat(batch.spans().get(0).span().resourceAttributes())
                .isSameAs(batch.spans().get(1).span().resourceAttributes());
        assertThat(batch.logEvents()).isEmpty();
        assertThat(batch.skippedLogRecords()).isEqualTo(1);
        assertThat(batch.droppedNoiseSpans()).isZero();
    }

    @Test
    void degraded_keepsEnvelopeAndRawAttributes_andFlagsTheSpan() {
        RawSpan raw = span("gen_ai.operation.name", "chat", "k", 1L).name("chat x").build();
        var r = SpanNormalizer.degraded(raw, java.util.Map.of("service.name", "svc"), new IllegalStateException("bug"));
        assertThat(r.span().spanName()).isEqualTo("chat x");
        assertThat(r.span().traceId()).isEqualTo(raw.traceId());
        assertThat(r.span().serviceName()).isEqualTo("svc");
        assertThat(r.span().spanAttributes()).containsEntry("k", "1")
                .containsEntry(Normalizer.DEGRADED_ATTRIBUTE, "java.lang.IllegalStateException");
        assertThat(r.content()).isEqualTo(SpanContent.EMPTY);
    }

    @Test
    void previews_recompute_afterContentChanged() {
        SpanContent c = new SpanContent("", "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"[REDACTED] hi\"}]}]",
                "", "", "", "", "", "", "\"out\"", "stale", "stale");
        SpanContent r = Previews.recompute(c);
        assertThat(r.inputPreview()).isEqualTo("[REDACTED] hi");
        assertThat(r.outputPreview()).isEqualTo("out");
    }

    @Test
    void previews_clip_collapsesWhitespaceAndKeepsSurrogatesWhole() {
        assertThat(Previews.clip("  a \n\n b\t")).isEqualTo("a b");
        String emoji = "x".repeat(Previews.MAX_CHARS - 1) + "\uD83D\uDE00";
        assertThat(Previews.clip(emoji)).hasSize(Previews.MAX_CHARS - 1);
        assertThat(Previews.clip("y".repeat(1000))).hasSize(Previews.MAX_CHARS);
    }
}
