package io.sightline.ingest.normalize;

import static io.sightline.ingest.normalize.OpenInferenceRules.CONTENTS;
import static io.sightline.ingest.normalize.OpenInferenceRules.CONTENT_IMAGE_URL;
import static io.sightline.ingest.normalize.OpenInferenceRules.CONTENT_TEXT;
import static io.sightline.ingest.normalize.OpenInferenceRules.CONTENT_TYPE;

import io.sightline.ingest.model.AttributeValues;
import io.sightline.ingest.model.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Rebuilds messages, documents and tool definitions from flattened keys (collected by
 * {@link IndexedKeys}): each entry is turned into the OpenAI-style map {@link Messages} already
 * understands, so the part conversion lives in one place.
 */
final class IndexedContent {
    private IndexedContent() {}

    /** Legacy Traceloop {@code gen_ai.prompt.<i>.*} / {@code gen_ai.completion.<i>.*}. */
    static List<Map<String, Object>> traceloopMessages(NavigableMap<Integer, Map<String, Object>> group, boolean output) {
        List<Map<String, Object>> out = new ArrayList<>(group.size());
        for (Map<String, Object> e : group.values()) {
            Map<String, Object> m = new LinkedHashMap<>(8);
            copy(e, TraceloopRules.ROLE, m, "role");
            Object content = e.get(TraceloopRules.CONTENT);
            boolean filtered = output && TraceloopRules.FILTERED.equals(content);
            if (!filtered && content != null) {
                // multimodal content is a JSON string of content parts
                Object parsed = content instanceof String s ? Json.parseStructured(s) : null;
                m.put("content", parsed instanceof List<?> ? parsed : content);
            }
            copy(e, TraceloopRules.TOOL_CALL_ID, m, "tool_call_id");
            copy(e, TraceloopRules.NAME, m, "name");
            copy(e, TraceloopRules.REFUSAL, m, "refusal");
            List<Map<String, Object>> calls = new ArrayList<>();
            for (Map<String, Object> tc : IndexedKeys.nested(e, TraceloopRules.TOOL_CALLS).values()) {
                Map<String, Object> call = new LinkedHashMap<>(4);
                copy(tc, TraceloopRules.CALL_ID, call, "id");
                copy(tc, TraceloopRules.CALL_NAME, call, "name");
                copy(tc, TraceloopRules.CALL_ARGUMENTS, call, "arguments");
                calls.add(call);
            }
            if (!calls.isEmpty()) {
                m.put("tool_calls", calls);
            }
            Object finish = e.get(TraceloopRules.FINISH_REASON);
            if (finish != null) {
                m.put("finish_reason", finish);
            } else if (filtered) {
                m.put("finish_reason", "content_filter");
            }
            add(out, Messages.message(m, output ? "assistant" : "user"));
        }
        return out;
    }

    /** OpenInference {@code llm.input_messages.<i>.message.*} / {@code llm.output_messages.<i>.message.*}. */
    static List<Map<String, Object>> openInferenceMessages(NavigableMap<Integer, Map<String, Object>> group, String defaultRole) {
        List<Map<String, Object>> out = new ArrayList<>(group.size());
        for (Map<String, Object> e : group.values()) {
            Map<String, Object> m = new LinkedHashMap<>(8);
            copy(e, OpenInferenceRules.ROLE, m, "role");
            copy(e, OpenInferenceRules.NAME, m, "name");
            copy(e, OpenInferenceRules.TOOL_CALL_ID, m, "tool_call_id");
            List<Object> content = new ArrayList<>();
            if (e.get(OpenInferenceRules.CONTENT) != null) {
                content.add(e.get(OpenInferenceRules.CONTENT));
            }
            for (Map<String, Object> c : IndexedKeys.nested(e, CONTENTS).values()) {
                String type = AttributeValues.asString(c.get(CONTENT_TYPE));
                if (c.get(CONTENT_IMAGE_URL) != null) {
                    content.add(Map.of("type", "image_url", "image_url", Map.of("url", c.get(CONTENT_IMAGE_URL))));
                } else if (c.get(CONTENT_TEXT) != null) {
                    content.add(Map.of("type", type.equals("reasoning") ? "reasoning" : "text", "text", c.get(CONTENT_TEXT)));
                }
            }
            m.put("content", content);
            List<Map<String, Object>> calls = new ArrayList<>();
            for (Map<String, Object> tc : IndexedKeys.nested(e, OpenInferenceRules.TOOL_CALLS).values()) {
                Map<String, Object> call = new LinkedHashMap<>(4);
                copy(tc, OpenInferenceRules.TOOL_CALL_CALL_ID, call, "id");
                copy(tc, OpenInferenceRules.TOOL_CALL_NAME, call, "name");
                copy(tc, OpenInferenceRules.TOOL_CALL_ARGUMENTS, call, "arguments");
                calls.add(call);
            }
            if (e.get(OpenInferenceRules.FUNCTION_CALL_NAME) != null) {
                Map<String, Object> call = new LinkedHashMap<>(4);
                copy(e, OpenInferenceRules.FUNCTION_CALL_NAME, call, "name");
                copy(e, OpenInferenceRules.FUNCTION_CALL_ARGUMENTS, call, "arguments");
                calls.add(call);
            }
            if (!calls.isEmpty()) {
                m.put("tool_calls", calls);
            }
            add(out, Messages.message(m, defaultRole));
        }
        return out;
    }

    /** One text per entry ({@code llm.prompts.<i>.prompt.text}, {@code llm.choices.<i>.completion.text}). */
    static List<Map<String, Object>> texts(NavigableMap<Integer, Map<String, Object>> group, String suffix, String role) {
        List<Map<String, Object>> out = new ArrayList<>(group.size());
        for (Map<String, Object> e : group.values()) {
            if (e.get(suffix) instanceof String s && Parts.isText(s)) {
                out.add(Messages.message(role, List.of(Parts.text(s))));
            }
        }
        return out;
    }

    /** OpenInference documents ({@code retrieval.documents}, {@code reranker.*_documents}). */
    static List<Map<String, Object>> documents(NavigableMap<Integer, Map<String, Object>> group) {
        List<Map<String, Object>> out = new ArrayList<>(group.size());
        for (Map<String, Object> e : group.values()) {
            out.add(document(e.get(OpenInferenceRules.DOCUMENT_ID), e.get(OpenInferenceRules.DOCUMENT_CONTENT),
                    e.get(OpenInferenceRules.DOCUMENT_SCORE), e.get(OpenInferenceRules.DOCUMENT_METADATA)));
        }
        return out;
    }

    static Map<String, Object> document(Object id, Object content, Object score, Object metadata) {
        Map<String, Object> d = new LinkedHashMap<>(6);
        if (id != null) {
            d.put("id", AttributeValues.asString(id));
        }
        if (content != null && !(content instanceof String s && !Parts.isText(s))) {
            d.put("content", content);
        }
        if (score != null) {
            Double v = AttributeValues.asDouble(score);
            d.put("score", v != null ? v : score);
        }
        if (metadata != null) {
            d.put("metadata", Parts.structured(metadata));
        }
        return d;
    }

    /** OpenInference {@code llm.tools.<i>.tool.json_schema}. */
    static List<Object> openInferenceTools(NavigableMap<Integer, Map<String, Object>> group) {
        List<Object> out = new ArrayList<>(group.size());
        for (Map<String, Object> e : group.values()) {
            Object def = ToolDefinitions.normalize(e.get(OpenInferenceRules.TOOL_JSON_SCHEMA));
            if (def != null) {
                out.add(def);
            }
        }
        return out;
    }

    /** Legacy Traceloop {@code llm.request.functions.<i>.name|description|parameters}. */
    static List<Object> traceloopFunctions(NavigableMap<Integer, Map<String, Object>> group) {
        List<Object> out = new ArrayList<>(group.size());
        for (Map<String, Object> e : group.values()) {
            Map<String, Object> def = new LinkedHashMap<>(6);
            def.put("type", "function");
            copy(e, TraceloopRules.FUNCTION_NAME, def, "name");
            copy(e, TraceloopRules.FUNCTION_DESCRIPTION, def, "description");
            Object params = e.get(TraceloopRules.FUNCTION_PARAMETERS);
            if (params != null) {
                def.put("parameters", Parts.structured(params));
            }
            out.add(def);
        }
        return out;
    }

    /** OpenInference {@code embedding.embeddings.<i>.embedding.text} (vectors are dropped). */
    static List<Object> embeddingTexts(NavigableMap<Integer, Map<String, Object>> group) {
        List<Object> out = new ArrayList<>(group.size());
        for (Map<String, Object> e : group.values()) {
            if (e.get(OpenInferenceRules.EMBEDDING_TEXT) instanceof String s && Parts.isText(s)) {
                out.add(s);
            }
        }
        return out;
    }

    private static void copy(Map<String, Object> from, String fromKey, Map<String, Object> to, String toKey) {
        Object v = from.get(fromKey);
        if (v != null) {
            to.put(toKey, v);
        }
    }

    private static void add(List<Map<String, Object>> out, Map<String, Object> message) {
        if (message != null) {
            out.add(message);
        }
    }
}
