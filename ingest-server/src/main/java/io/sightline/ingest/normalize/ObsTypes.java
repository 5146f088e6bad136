package io.sightline.ingest.normalize;

import io.sightline.ingest.model.ObsType;
import io.sightline.ingest.model.SemconvSource;
import java.util.Locale;
import java.util.Map;

/**
 * Decides {@code obs_type} (conventions.md §9, §9.1): {@code langfuse.observation.type} →
 * {@code openinference.span.kind} → {@code gen_ai.operation.name} → {@code traceloop.span.kind} /
 * {@code llm.request.type} → Vercel {@code ai.operationId} → a tool name or call id (tool) →
 * a model plus token counts (llm) → other. Values a table does not know fall through.
 */
final class ObsTypes {
    /** The type and the convention whose attribute decided it (null when nothing did). */
    record Decision(ObsType type, SemconvSource convention) {}

    static final Map<String, ObsType> LANGFUSE = Map.of(
            "generation", ObsType.LLM, "embedding", ObsType.EMBEDDING, "agent", ObsType.AGENT,
            "tool", ObsType.TOOL, "chain", ObsType.CHAIN, "retriever", ObsType.RETRIEVER,
            "guardrail", ObsType.GUARDRAIL, "evaluator", ObsType.EVALUATOR,
            "span", ObsType.OTHER, "event", ObsType.OTHER);

    /** {@code CHAIN} is a workflow when it is the root (§9.1). */
    static final Map<String, ObsType> OPENINFERENCE = Map.of(
            "LLM", ObsType.LLM, "EMBEDDING", ObsType.EMBEDDING, "CHAIN", ObsType.CHAIN,
            "RETRIEVER", ObsType.RETRIEVER, "RERANKER", ObsType.RERANKER, "TOOL", ObsType.TOOL,
            "AGENT", ObsType.AGENT, "GUARDRAIL", ObsType.GUARDRAIL, "EVALUATOR", ObsType.EVALUATOR,
            "PROMPT", ObsType.OTHER);

    static final Map<String, ObsType> OPERATION = Map.ofEntries(
            Map.entry("chat", ObsType.LLM),
            Map.entry("text_completion", ObsType.LLM),
            Map.entry("generate_content", ObsType.LLM),
            Map.entry("completion", ObsType.LLM),
            Map.entry("generate", ObsType.LLM),
            Map.entry("embeddings", ObsType.EMBEDDING),
            Map.entry("embedding", ObsType.EMBEDDING),
            Map.entry("retrieval", ObsType.RETRIEVER),
            Map.entry("search_memory", ObsType.RETRIEVER),
            Map.entry("rerank", ObsType.RERANKER),
            Map.entry("execute_tool", ObsType.TOOL),
            Map.entry("invoke_agent", ObsType.AGENT),
            Map.entry("create_agent", ObsType.AGENT),
            Map.entry("invoke_workflow", ObsType.WORKFLOW),
            Map.entry("plan", ObsType.CHAIN));

    static final Map<String, ObsType> TRACELOOP_KIND = Map.of(
            "workflow", ObsType.WORKFLOW, "task", ObsType.CHAIN, "agent", ObsType.AGENT, "tool", ObsType.TOOL);

    static final Map<String, ObsType> LLM_REQUEST_TYPE = Map.of(
            "chat", ObsType.LLM, "completion", ObsType.LLM, "embedding", ObsType.EMBEDDING, "rerank", ObsType.RERANKER);

    /** {@code operation_name} for spans whose producer names no OTel operation. */
    static final Map<ObsType, String> DEFAULT_OPERATION = Map.of(
            ObsType.LLM, "chat", ObsType.EMBEDDING, "embeddings", ObsType.RETRIEVER, "retrieval",
            ObsType.RERANKER, "rerank", ObsType.TOOL, "execute_tool", ObsType.AGENT, "invoke_agent",
            ObsType.WORKFLOW, "invoke_workflow");

    private ObsTypes() {}

    static Decision decide(Candidates c, boolean root) {
        ObsType t = LANGFUSE.get(lower(c.string(Field.LANGFUSE_TYPE)));
        if (t != null) {
            return new Decision(t, SemconvSource.LANGFUSE);
        }
        String kind = c.string(Field.OI_KIND).toUpperCase(Locale.ROOT);
        t = OPENINFERENCE.get(kind);
        if (t != null) {
            return new Decision(t == ObsType.CHAIN && root ? ObsType.WORKFLOW : t, SemconvSource.OPENINFERENCE);
        }
        t = OPERATION.get(lower(c.string(Field.OPERATION)));
        if (t != null) {
            return new Decision(t, c.convention(Field.OPERATION));
        }
        t = TRACELOOP_KIND.get(lower(c.string(Field.TRACELOOP_KIND)));
        if (t == null) {
            t = LLM_REQUEST_TYPE.get(lower(c.string(Field.LLM_REQUEST_TYPE)));
        }
        if (t != null) {
            return new Decision(t, SemconvSource.TRACELOOP);
        }
        t = vercel(c.string(Field.VERCEL_OPERATION_ID));
        if (t != null) {
            return new Decision(t, SemconvSource.VERCEL_AI);
        }
        if (c.has(Field.TOOL_NAME) || c.has(Field.TOOL_CALL_ID)) {
            Field f = c.has(Field.TOOL_NAME) ? Field.TOOL_NAME : Field.TOOL_CALL_ID;
            return new Decision(ObsType.TOOL, c.convention(f));
        }
        boolean model = c.has(Field.REQUEST_MODEL) || c.has(Field.RESPONSE_MODEL);
        boolean tokens = c.has(Field.INPUT_TOKENS) || c.has(Field.OUTPUT_TOKENS) || c.has(Field.TOTAL_TOKENS);
        if (model && tokens) {
            Field f = c.has(Field.REQUEST_MODEL) ? Field.REQUEST_MODEL : Field.RESPONSE_MODEL;
            return new Decision(ObsType.LLM, c.convention(f));
        }
        return new Decision(ObsType.OTHER, null);
    }

    /** Vercel legacy {@code ai.operationId}: provider calls, embeddings, tool calls, and the wrapping roots. */
    static ObsType vercel(String operationId) {
        if (operationId.isEmpty()) {
            return null;
        }
        if (operationId.endsWith(VercelAiRules.OP_GENERATE) || operationId.endsWith(VercelAiRules.OP_STREAM)) {
            return ObsType.LLM;
        }
        if (operationId.endsWith(VercelAiRules.OP_EMBED)) {
            return ObsType.EMBEDDING;
        }
        if (operationId.equals(VercelAiRules.OP_TOOL_CALL)) {
            return ObsType.TOOL;
        }
        return operationId.startsWith(VercelAiRules.KEY_PREFIX) ? ObsType.WORKFLOW : null;
    }

    static String operationName(Candidates c, ObsType type) {
        String op = c.string(Field.OPERATION);
        if (!op.isEmpty()) {
            return op;
        }
        if (type == ObsType.LLM && "completion".equals(lower(c.string(Field.LLM_REQUEST_TYPE)))) {
            return "text_completion";
        }
        return DEFAULT_OPERATION.getOrDefault(type, "");
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
