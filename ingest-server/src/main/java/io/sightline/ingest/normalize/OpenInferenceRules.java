package io.sightline.ingest.normalize;

import static io.sightline.ingest.normalize.KeyRule.of;

import java.util.List;

/** OpenInference (Arize) attributes (conventions.md §6). Session/user keys: {@link IdentityRules}. */
final class OpenInferenceRules {
    private OpenInferenceRules() {}

    static final List<KeyRule> RULES = List.of(
            of("openinference.span.kind", Field.OI_KIND),
            of("llm.request.model_name", Field.REQUEST_MODEL),
            of("llm.model_name", Field.REQUEST_MODEL),
            of("embedding.model_name", Field.REQUEST_MODEL),
            of("reranker.model_name", Field.REQUEST_MODEL),
            of("llm.response.model_name", Field.RESPONSE_MODEL),
            of("llm.model_name", Field.RESPONSE_MODEL),
            of("llm.system", Field.OI_LLM_SYSTEM),
            of("llm.provider", Field.OI_LLM_PROVIDER),
            of("llm.token_count.prompt", Field.INPUT_TOKENS),
            of("llm.token_count.completion", Field.OUTPUT_TOKENS),
            of("llm.token_count.total", Field.TOTAL_TOKENS),
            of("llm.token_count.prompt_details.cache_read", Field.CACHE_READ_TOKENS),
            of("llm.token_count.prompt_details.cache_write", Field.CACHE_WRITE_TOKENS),
            of("llm.token_count.completion_details.reasoning", Field.REASONING_TOKENS),
            of("llm.cost.total", Field.COST_USD),
            of("llm.cost.prompt", Field.OI_COST_PROMPT),
            of("llm.cost.completion", Field.OI_COST_COMPLETION),
            of("llm.finish_reason", Field.FINISH_REASONS),
            of("llm.invocation_parameters", Field.OI_INVOCATION_PARAMETERS),
            of("tool.name", Field.TOOL_NAME),
            of("tool.id", Field.TOOL_CALL_ID),
            of("agent.name", Field.AGENT_NAME),
            of("prompt.id", Field.PROMPT_NAME),
            of("llm.prompt_template.version", Field.PROMPT_VERSION),
            of("input.value", Field.GENERIC_INPUT),
            of("output.value", Field.GENERIC_OUTPUT),
            of("llm.prompts", Field.OI_PROMPTS),
            of("reranker.query", Field.RETRIEVAL_QUERY));

    // Indexed (flattened) families: <prefix><i>.<suffix>
    static final String INPUT_MESSAGES = "llm.input_messages.";
    static final String OUTPUT_MESSAGES = "llm.output_messages.";
    static final String PROMPTS = "llm.prompts.";
    static final String CHOICES = "llm.choices.";
    static final String TOOLS = "llm.tools.";
    static final String DOCUMENTS = "retrieval.documents.";
    static final String RERANKER_INPUT_DOCUMENTS = "reranker.input_documents.";
    static final String RERANKER_OUTPUT_DOCUMENTS = "reranker.output_documents.";
    static final String EMBEDDINGS = "embedding.embeddings.";

    // suffixes
    static final String ROLE = "message.role";
    static final String CONTENT = "message.content";
    static final String NAME = "message.name";
    static final String TOOL_CALL_ID = "message.tool_call_id";
    static final String CONTENTS = "message.contents.";
    static final String CONTENT_TYPE = "message_content.type";
    static final String CONTENT_TEXT = "message_content.text";
    static final String CONTENT_IMAGE_URL = "message_content.image.image.url";
    static final String TOOL_CALLS = "message.tool_calls.";
    static final String TOOL_CALL_CALL_ID = "tool_call.id";
    static final String TOOL_CALL_NAME = "tool_call.function.name";
    static final String TOOL_CALL_ARGUMENTS = "tool_call.function.arguments";
    static final String FUNCTION_CALL_NAME = "message.function_call_name";
    static final String FUNCTION_CALL_ARGUMENTS = "message.function_call_arguments_json";
    static final String PROMPT_TEXT = "prompt.text";
    static final String CHOICE_TEXT = "completion.text";
    static final String TOOL_JSON_SCHEMA = "tool.json_schema";
    static final String DOCUMENT_ID = "document.id";
    static final String DOCUMENT_CONTENT = "document.content";
    static final String DOCUMENT_SCORE = "document.score";
    static final String DOCUMENT_METADATA = "document.metadata";
    static final String EMBEDDING_TEXT = "embedding.text";

    /** Placeholder OpenInference writes when content is hidden; not content. */
    static final String REDACTED = "__REDACTED__";

    /** Streaming flag inside {@code llm.invocation_parameters}. */
    static final String INVOCATION_STREAM = "stream";
}
