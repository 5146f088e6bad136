package io.sightline.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Strict matching of flattened keys (conventions.md §10.4). */
class IndexedKeysTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "-", value = {
            "gen_ai.prompt.0.content, TL_PROMPT",
            "gen_ai.prompt.12.tool_calls.0.name, TL_PROMPT",
            "gen_ai.completion.3.role, TL_COMPLETION",
            "gen_ai.prompt.name, -",
            "gen_ai.prompt.version, -",
            "gen_ai.prompt.variable.city, -",
            "gen_ai.prompt.0, -",
            "gen_ai.prompt.0., -",
            "gen_ai.prompt.x1.content, -",
            "llm.input_messages.0.message.role, OI_INPUT",
            "llm.output_messages.7.message.content, OI_OUTPUT",
            "llm.input_messages, -",
            "retrieval.documents.1.document.id, OI_DOCUMENTS",
            "embedding.embeddings.0.embedding.vector, OI_EMBEDDINGS",
            "llm.model_name, -",
            "http.method, -"})
    void add_matchesOnlyPrefixDigitsDot(String key, String family) {
        IndexedKeys k = new IndexedKeys();
        IndexedKeys.Family f = k.add(key, "v");
        assertThat(f == null ? null : f.name()).isEqualTo(family);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"gen_ai.prompt.1001.content", "gen_ai.prompt.99999999999999999999.content"})
    void add_indexAboveTheCap_isContentButNotKept(String key) {
        IndexedKeys k = new IndexedKeys();
        assertThat(k.add(key, "v")).isEqualTo(IndexedKeys.Family.TL_PROMPT);
        assertThat(k.group(IndexedKeys.Family.TL_PROMPT)).isEmpty();
    }
}
