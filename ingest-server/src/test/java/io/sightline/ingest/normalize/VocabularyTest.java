package io.sightline.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Provider names (conventions.md §10.6) and finish reasons onto the OTel vocabularies. */
class VocabularyTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "openai, openai", "OpenAI, openai", "Anthropic, anthropic", "mistralai, mistral_ai", "xai, x_ai",
            "vertex_ai, gcp.vertex_ai", "az.ai.openai, azure.ai.openai", "moonshot_ai, moonshot_ai",
            "hugging_face, hugging_face"})
    void providerNames_sharedVocabulary_throughTheSemconvRules(String raw, String expected) {
        Candidates c = new Candidates();
        c.offer(MappingRules.lookup("gen_ai.system")[0], raw);
        assertThat(c.string(Field.PROVIDER)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "system={0} provider={1} -> {2}")
    @CsvSource({
            "openai, azure, azure.ai.openai", "openai, '', openai", "anthropic, aws, aws.bedrock",
            "vertexai, google, gcp.vertex_ai", "'', groq, groq", "mistralai, '', mistral_ai", "cohere, azure, azure.ai.inference"})
    void providerNames_fromOpenInference(String system, String provider, String expected) {
        assertThat(ProviderNames.fromOpenInference(system, provider)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "openai.chat, openai", "openai.responses, openai", "anthropic.messages, anthropic",
            "google.generative-ai, gcp.gemini", "google.vertex.chat, gcp.vertex_ai", "amazon-bedrock, aws.bedrock",
            "azure-openai.chat, azure.ai.openai", "mistral.chat, mistral_ai", "xai.chat, x_ai"})
    void providerNames_vercelProviderIds(String providerId, String expected) {
        Candidates c = new Candidates();
        c.offer(MappingRules.lookup("ai.model.provider")[0], providerId);
        assertThat(c.string(Field.PROVIDER)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "stop, stop", "end_turn, stop", "STOP, stop", "stop_sequence, stop", "length, length", "max_tokens, length",
            "MAX_TOKENS, length", "content_filter, content_filter", "SAFETY, content_filter", "content-filter, content_filter",
            "tool_calls, tool_call", "tool_use, tool_call", "tool-calls, tool_call", "function_call, tool_call",
            "tool_call, tool_call", "error, error", "pause_turn, pause_turn"})
    void finishReasons_canonical(String raw, String expected) {
        assertThat(FinishReasons.canonical(raw)).isEqualTo(expected);
    }
}
