package io.sightline.ingest.normalize;

/**
 * Slots that attribute rules fill. {@link Kind} says how a value is read when offered; content
 * slots keep the raw value (converted only for the winner) and their keys are left out of the
 * raw attribute map.
 */
enum Field {
    // span type deciders (conventions.md §9)
    LANGFUSE_TYPE(Kind.STRING),
    OI_KIND(Kind.STRING),
    OPERATION(Kind.STRING),
    TRACELOOP_KIND(Kind.STRING),
    LLM_REQUEST_TYPE(Kind.STRING),
    VERCEL_OPERATION_ID(Kind.STRING),
    LOGFIRE_SPAN_TYPE(Kind.STRING),

    // identity and model
    PROVIDER(Kind.STRING),
    OI_LLM_SYSTEM(Kind.STRING),
    OI_LLM_PROVIDER(Kind.STRING),
    REQUEST_MODEL(Kind.STRING),
    RESPONSE_MODEL(Kind.STRING),
    RESPONSE_ID(Kind.STRING),
    AGENT_NAME(Kind.STRING),
    AGENT_ID(Kind.STRING),
    TOOL_NAME(Kind.STRING),
    TOOL_CALL_ID(Kind.STRING),
    TRACELOOP_ENTITY_NAME(Kind.STRING),
    SESSION_ID(Kind.STRING),
    USER_ID(Kind.STRING),
    PROMPT_NAME(Kind.STRING),
    PROMPT_VERSION(Kind.STRING),
    SPAN_ENVIRONMENT(Kind.STRING),

    // outcome
    FINISH_REASONS(Kind.STRING_LIST),
    ERROR_TYPE(Kind.STRING),
    LANGFUSE_LEVEL(Kind.STRING),
    LANGFUSE_STATUS_MESSAGE(Kind.STRING),
    STREAMING(Kind.BOOLEAN),
    TTFT_MS(Kind.NUMBER),
    COMPLETION_START(Kind.RAW),
    OI_INVOCATION_PARAMETERS(Kind.RAW),

    // usage and cost
    INPUT_TOKENS(Kind.COUNT),
    OUTPUT_TOKENS(Kind.COUNT),
    TOTAL_TOKENS(Kind.COUNT),
    CACHE_READ_TOKENS(Kind.COUNT),
    CACHE_WRITE_TOKENS(Kind.COUNT),
    REASONING_TOKENS(Kind.COUNT),
    LANGFUSE_USAGE(Kind.RAW),
    LOGFIRE_RAW_USAGE(Kind.RAW),
    VERCEL_PROVIDER_METADATA(Kind.RAW),
    COST_USD(Kind.NUMBER),
    LANGFUSE_COST(Kind.RAW),
    OI_COST_PROMPT(Kind.NUMBER),
    OI_COST_COMPLETION(Kind.NUMBER),

    // content (dropped from the raw attribute map)
    SYSTEM_INSTRUCTIONS(Kind.CONTENT),
    INPUT_MESSAGES(Kind.CONTENT),
    OUTPUT_MESSAGES(Kind.CONTENT),
    TOOL_DEFINITIONS(Kind.CONTENT),
    TOOL_ARGUMENTS(Kind.CONTENT),
    TOOL_RESULT(Kind.CONTENT),
    RETRIEVAL_DOCUMENTS(Kind.CONTENT),
    RETRIEVAL_QUERY(Kind.CONTENT),
    GENERIC_INPUT(Kind.CONTENT),
    GENERIC_OUTPUT(Kind.CONTENT),
    LANGFUSE_INPUT(Kind.CONTENT),
    LANGFUSE_OUTPUT(Kind.CONTENT),
    OI_PROMPTS(Kind.CONTENT),
    VERCEL_PROMPT(Kind.CONTENT),
    VERCEL_PROMPT_MESSAGES(Kind.CONTENT),
    VERCEL_RESPONSE_TEXT(Kind.CONTENT),
    VERCEL_RESPONSE_TOOL_CALLS(Kind.CONTENT),
    LOGFIRE_EVENTS(Kind.CONTENT),
    LOGFIRE_REQUEST(Kind.CONTENT),
    LOGFIRE_RESPONSE(Kind.CONTENT);

    enum Kind {
        /** Non-empty string (numbers and booleans are stringified). */
        STRING,
        /** Array of strings, a JSON array string, or one string. */
        STRING_LIST,
        BOOLEAN,
        /** A finite double, multiplied by the rule's scale. */
        NUMBER,
        /** A non-negative whole number. */
        COUNT,
        /** The value as sent, interpreted later. */
        RAW,
        /** The value as sent; its key is content and stays out of the raw attribute map. */
        CONTENT
    }

    final Kind kind;

    Field(Kind kind) {
        this.kind = kind;
    }

    boolean isContent() {
        return kind == Kind.CONTENT;
    }
}
