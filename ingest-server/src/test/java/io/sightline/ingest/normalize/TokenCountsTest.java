package io.sightline.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.ingest.model.TokenUsage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** conventions.md §10.2 arithmetic: inclusive input/output, exclusive counts repaired, derived total. */
class TokenCountsTest {

    @ParameterizedTest(name = "in={0} out={1} total={2} cr={3} cw={4} rs={5} -> {6}/{7}/{8}")
    @CsvSource(nullValues = "-", value = {
            // input, output, total, cacheRead, cacheWrite, reasoning -> input, output, total
            "100, 50, -, 30, 10, 20, 100, 50, 150",   // inclusive already
            "10, 5, -, 100, 0, 0, 110, 5, 115",       // cache read above input: exclusive, add back
            "10, 5, -, 6, 6, 0, 22, 5, 27",           // read + write above input
            "10, 5, -, 0, 0, 9, 10, 14, 24",          // reasoning above output: exclusive
            "10, 5, 100, 0, 0, 0, 10, 5, 100",        // reported total above the sum is kept
            "10, 5, 3, 0, 0, 0, 10, 5, 15",           // reported total below the sum is raised
            "-, -, 40, -, -, -, 0, 0, 40",            // only a total (embeddings)
            "-, -, -, -, -, -, 0, 0, 0",              // nothing
            "5000000000, 1, -, -, -, -, 4294967295, 1, 4294967295"}) // capped at the UInt32 columns' maximum
    void resolve_appliesTheInclusiveRules(Long in, Long out, Long total, Long cr, Long cw, Long rs,
                                          long expIn, long expOut, long expTotal) {
        Candidates c = new Candidates();
        offer(c, Field.INPUT_TOKENS, in);
        offer(c, Field.OUTPUT_TOKENS, out);
        offer(c, Field.TOTAL_TOKENS, total);
        offer(c, Field.CACHE_READ_TOKENS, cr);
        offer(c, Field.CACHE_WRITE_TOKENS, cw);
        offer(c, Field.REASONING_TOKENS, rs);
        TokenUsage u = TokenCounts.resolve(c);
        assertThat(u.input()).as("input").isEqualTo(expIn);
        assertThat(u.output()).as("output").isEqualTo(expOut);
        assertThat(u.total()).as("total").isEqualTo(expTotal);
        assertThat(u.cacheRead()).as("cacheRead").isEqualTo(cr == null ? 0 : cr);
        assertThat(u.cacheWrite()).as("cacheWrite").isEqualTo(cw == null ? 0 : cw);
        assertThat(u.reasoning()).as("reasoning").isEqualTo(rs == null ? 0 : rs);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"-5", "abc", "1.5", "''"})
    void candidates_unusableCounts_doNotHideUsableLowerRankedOnes(String bad) {
        Candidates c = new Candidates();
        c.offer(MappingRules.lookup("gen_ai.usage.input_tokens")[0], bad);
        c.offer(MappingRules.lookup("llm.token_count.prompt")[0], 42L);
        assertThat(c.count(Field.INPUT_TOKENS)).isEqualTo(42L);
    }

    private static void offer(Candidates c, Field f, Long v) {
        c.offerDerived(f, v, io.sightline.ingest.model.SemconvSource.OTEL_GENAI);
    }
}
