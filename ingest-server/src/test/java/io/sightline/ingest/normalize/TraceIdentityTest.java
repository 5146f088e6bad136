package io.sightline.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.ingest.model.NormalizedSpan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceIdentityTest {
    private static final String T1 = "11111111111111111111111111111111";
    private static final String T2 = "22222222222222222222222222222222";

    @Test
    void propagate_fillsEverySpanOfATrace_andLeavesOtherTraces() {
        List<NormalizedSpan> spans = List.of(
                span(T1, "1000000000000001", "", "", ""),
                span(T1, "1000000000000002", "1000000000000001", "s1", ""),
                span(T1, "1000000000000003", "1000000000000001", "", "u1"),
                span(T2, "2000000000000001", "", "", ""));
        List<NormalizedSpan> out = TraceIdentity.propagate(spans);
        assertThat(out.subList(0, 3)).allSatisfy(s -> {
            assertThat(s.sessionId()).isEqualTo("s1");
            assertThat(s.userId()).isEqualTo("u1");
        });
        assertThat(out.get(3)).isSameAs(spans.get(3));
    }

    @Test
    void collect_rootWins_andSpansKeepTheirOwnIds() {
        List<NormalizedSpan> spans = List.of(
                span(T1, "1000000000000002", "1000000000000001", "child-session", ""),
                span(T1, "1000000000000001", "", "root-session", "root-user"),
                span(T1, "1000000000000003", "1000000000000001", "", ""));
        Map<String, TraceIdentity.Identity> ids = TraceIdentity.collect(spans);
        assertThat(ids).containsEntry(T1, new TraceIdentity.Identity("root-session", "root-user"));
        List<NormalizedSpan> out = TraceIdentity.apply(spans, ids);
        assertThat(out.get(0).sessionId()).isEqualTo("child-session");
        assertThat(out.get(0).userId()).isEqualTo("root-user");
        assertThat(out.get(2).sessionId()).isEqualTo("root-session");
    }

    @Test
    void apply_withCachedIdentity_fillsSpansOfALaterBatch() {
        Map<String, TraceIdentity.Identity> cache = Map.of(T2, new TraceIdentity.Identity("earlier", ""));
        List<NormalizedSpan> out = TraceIdentity.apply(List.of(span(T2, "2000000000000005", "2000000000000001", "", "")), cache);
        assertThat(out.getFirst().sessionId()).isEqualTo("earlier");
        assertThat(out.getFirst().userId()).isEmpty();
    }

    private static NormalizedSpan span(String trace, String id, String parent, String session, String user) {
        return NormalizedSpan.builder().traceId(trace).spanId(id).parentSpanId(parent).sessionId(session).userId(user).build();
    }
}
