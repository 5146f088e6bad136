package io.sightline.ingest.normalize;

import io.sightline.ingest.model.Json;
import io.sightline.ingest.model.ObsType;
import io.sightline.ingest.model.SemconvSource;
import io.sightline.ingest.model.SpanContent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Supplier;

/**
 * Picks each content field's source in the order of conventions.md §10.1 (Langfuse explicit →
 * OTel current → OTel legacy events → OpenInference → Traceloop → Vercel legacy → Logfire v1;
 * the first source that yields anything wins) and renders the canonical JSON.
 */
final class ContentBuilder {
    /** The content plus what other fields derive from it. */
    record Built(SpanContent content, List<String> outputFinishReasons, boolean legacyEvents) {}

    /** Most spans carry no content at all: skip the source chains for them. */
    static final Built NONE = new Built(SpanContent.EMPTY, List.of(), false);

    private ContentBuilder() {}

    static Built build(Candidates c, IndexedKeys idx, EventContent ev, ObsType type) {
        Map<?, ?> vercelPrompt = asMap(c.raw(Field.VERCEL_PROMPT));
        List<Object> system = SystemInstructions.parts(c.raw(Field.SYSTEM_INSTRUCTIONS));
        if (system.isEmpty()) {
            system = ev.systemInstructions;
        }
        if (system.isEmpty() && vercelPrompt != null) {
            system = SystemInstructions.parts(vercelPrompt.get("system"));
        }

        List<Map<String, Object>> input = input(c, idx, ev, vercelPrompt);
        List<Map<String, Object>> output = output(c, idx, ev);

        List<Object> tools = ToolDefinitions.list(c.raw(Field.TOOL_DEFINITIONS));
        if (tools.isEmpty()) {
            tools = IndexedContent.openInferenceTools(idx.group(IndexedKeys.Family.OI_TOOLS));
        }
        if (tools.isEmpty()) {
            tools = IndexedContent.traceloopFunctions(idx.group(IndexedKeys.Family.TL_FUNCTIONS));
        }

        String toolArguments = json(c.raw(Field.TOOL_ARGUMENTS));
        String toolResult = json(c.raw(Field.TOOL_RESULT));
        String documents = documents(c, idx, ev);

        Object langfuseIn = c.raw(Field.LANGFUSE_INPUT);
        Object langfuseOut = c.raw(Field.LANGFUSE_OUTPUT);
        String genericInput = json(langfuseIn != null && !Messages.looksLikeMessages(langfuseIn)
                ? langfuseIn : c.raw(Field.GENERIC_INPUT));
        String genericOutput = json(langfuseOut != null && !Messages.looksLikeMessages(langfuseOut)
                ? langfuseOut : c.raw(Field.GENERIC_OUTPUT));
        if (genericInput.isEmpty()) {
            genericInput = derivedInput(c, idx);
        }
        if (type == ObsType.TOOL) { // OpenInference/Traceloop tool spans carry arguments/result as generic I/O
            if (toolArguments.isEmpty()) {
                toolArguments = genericInput;
                genericInput = "";
            }
            if (toolResult.isEmpty()) {
                toolResult = genericOutput;
                genericOutput = "";
            }
        }

        SpanContent content = new SpanContent(
                system.isEmpty() ? "" : Json.write(system),
                Messages.json(input),
                Messages.json(output),
                tools.isEmpty() ? "" : Json.write(tools),
                toolArguments,
                toolResult,
                documents,
                genericInput,
                genericOutput,
                Previews.input(input, genericInput, toolArguments),
                Previews.output(output, genericOutput, toolResult));
        return new Built(content, finishReasons(output), ev.legacy);
    }

    private static List<Map<String, Object>> input(Candidates c, IndexedKeys idx, EventContent ev, Map<?, ?> vercelPrompt) {
        Object langfuse = c.raw(Field.LANGFUSE_INPUT);
        return first(
                () -> Messages.looksLikeMessages(langfuse) ? Messages.fromAny(langfuse, "user") : List.of(),
                () -> Messages.fromAny(c.raw(Field.INPUT_MESSAGES), "user"),
                () -> ev.input,
                () -> IndexedContent.openInferenceMessages(idx.group(IndexedKeys.Family.OI_INPUT), "user"),
                () -> Messages.fromAny(c.raw(Field.OI_PROMPTS), "user"),
                () -> IndexedContent.texts(idx.group(IndexedKeys.Family.OI_PROMPTS), OpenInferenceRules.PROMPT_TEXT, "user"),
                () -> IndexedContent.traceloopMessages(idx.group(IndexedKeys.Family.TL_PROMPT), false),
                () -> Messages.fromAny(c.raw(Field.VERCEL_PROMPT_MESSAGES), "user"),
                () -> vercelPrompt == null ? List.of() : Messages.fromAny(vercelPrompt.get("messages"), "user"),
                () -> vercelPrompt == null ? List.of() : Messages.fromAny(vercelPrompt.get("prompt"), "user"),
                () -> logfireEvents(c.raw(Field.LOGFIRE_EVENTS), false),
                () -> Messages.fromAny(asMap(c.raw(Field.LOGFIRE_REQUEST)), "user"));
    }

    private static List<Map<String, Object>> output(Candidates c, IndexedKeys idx, EventContent ev) {
        Object langfuse = c.raw(Field.LANGFUSE_OUTPUT);
        return first(
                () -> Messages.looksLikeMessages(langfuse) ? Messages.fromAny(langfuse, "assistant") : List.of(),
                () -> Messages.fromAny(c.raw(Field.OUTPUT_MESSAGES), "assistant"),
                () -> ev.output,
                () -> IndexedContent.openInferenceMessages(idx.group(IndexedKeys.Family.OI_OUTPUT), "assistant"),
                () -> IndexedContent.texts(idx.group(IndexedKeys.Family.OI_CHOICES), OpenInferenceRules.CHOICE_TEXT, "assistant"),
                () -> IndexedContent.traceloopMessages(idx.group(IndexedKeys.Family.TL_COMPLETION), true),
                () -> vercelResponse(c),
                () -> logfireEvents(c.raw(Field.LOGFIRE_EVENTS), true),
                () -> Messages.fromAny(asMap(c.raw(Field.LOGFIRE_RESPONSE)), "assistant"));
    }

    /** The first source, in precedence order, that yields any message. */
    @SafeVarargs
    private static List<Map<String, Object>> first(Supplier<List<Map<String, Object>>>... sources) {
        for (Supplier<List<Map<String, Object>>> s : sources) {
            List<Map<String, Object>> m = s.get();
            if (!m.isEmpty()) {
                return m;
            }
        }
        return List.of();
    }

    /** Vercel legacy: {@code ai.response.text} plus {@code ai.response.toolCalls} make one assistant message. */
    private static List<Map<String, Object>> vercelResponse(Candidates c) {
        List<Map<String, Object>> parts = new ArrayList<>(2);
        if (c.raw(Field.VERCEL_RESPONSE_TEXT) instanceof String s && Parts.isText(s)) {
            parts.add(Parts.text(s));
        }
        if (Parts.structured(c.raw(Field.VERCEL_RESPONSE_TOOL_CALLS)) instanceof List<?> calls) {
            for (Object o : calls) {
                if (o instanceof Map<?, ?> tc) {
                    parts.add(Parts.toolCall(tc.get("toolCallId"), tc.get("toolName"),
                            tc.containsKey("args") ? tc.get("args") : tc.get("input")));
                }
            }
        }
        if (parts.isEmpty()) {
            return List.of();
        }
        Map<String, Object> msg = Messages.message("assistant", parts);
        if (c.convention(Field.FINISH_REASONS) == SemconvSource.VERCEL_AI) {
            msg.put("finish_reason", FinishReasons.canonical(c.list(Field.FINISH_REASONS).get(0)));
        }
        return List.of(msg);
    }

    /** Logfire v1 {@code events}: a JSON array of pseudo-events named like the OTel message events. */
    private static List<Map<String, Object>> logfireEvents(Object value, boolean choices) {
        if (!(Parts.structured(value) instanceof List<?> events)) {
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : events) {
            if (o instanceof Map<?, ?> e && e.get(LogfireRules.EVENT_NAME) instanceof String name) {
                Map<String, Object> msg = EventMessages.isChoice(name)
                        ? (choices ? EventMessages.choice(e, false) : null)
                        : (choices ? null : EventMessages.message(name, e));
                if (msg != null) {
                    out.add(msg);
                }
            }
        }
        return out;
    }

    private static String documents(Candidates c, IndexedKeys idx, EventContent ev) {
        Object otel = Parts.structured(c.raw(Field.RETRIEVAL_DOCUMENTS));
        if (otel instanceof List<?> l && !l.isEmpty()) {
            List<Object> docs = new ArrayList<>(l.size());
            for (Object o : l) {
                docs.add(o instanceof Map<?, ?> d
                        ? IndexedContent.document(d.get("id"), d.containsKey("content") ? d.get("content") : d.get("text"),
                                d.get("score"), d.get("metadata"))
                        : o);
            }
            return Json.write(docs);
        }
        List<Map<String, Object>> docs = IndexedContent.documents(idx.group(IndexedKeys.Family.OI_DOCUMENTS));
        if (docs.isEmpty()) {
            docs = IndexedContent.documents(idx.group(IndexedKeys.Family.OI_RERANK_OUTPUT));
        }
        if (docs.isEmpty()) {
            docs = ev.documents;
        }
        return docs.isEmpty() ? "" : Json.write(docs);
    }

    /** Generic input when nothing else gave one: reranker query + documents, retrieval query, embedded texts. */
    private static String derivedInput(Candidates c, IndexedKeys idx) {
        NavigableMap<Integer, Map<String, Object>> rerankIn = idx.group(IndexedKeys.Family.OI_RERANK_INPUT);
        Object query = c.raw(Field.RETRIEVAL_QUERY);
        if (!rerankIn.isEmpty()) {
            Map<String, Object> in = new LinkedHashMap<>(4);
            if (query != null) {
                in.put("query", query);
            }
            in.put("documents", IndexedContent.documents(rerankIn));
            return Json.write(in);
        }
        if (query != null) {
            return json(query);
        }
        List<Object> texts = IndexedContent.embeddingTexts(idx.group(IndexedKeys.Family.OI_EMBEDDINGS));
        return texts.isEmpty() ? "" : Json.write(texts);
    }

    private static List<String> finishReasons(List<Map<String, Object>> output) {
        List<String> out = new ArrayList<>(1);
        for (Map<String, Object> m : output) {
            if (m.get("finish_reason") instanceof String s) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * A value as JSON: structured values, and strings holding JSON objects, arrays or strings, as
     * that JSON; other strings as a string literal.
     */
    static String json(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof String s) {
            if (!Parts.isText(s)) {
                return "";
            }
            Object parsed = Json.parseStructured(s);
            if (parsed == null && s.startsWith("\"")) {
                parsed = Json.parse(s); // a JSON-encoded string (Traceloop serialises return values)
            }
            return parsed != null ? Json.write(parsed) : Json.write(s);
        }
        return Json.write(v);
    }

    private static Map<?, ?> asMap(Object v) {
        return Parts.structured(v) instanceof Map<?, ?> m ? m : null;
    }
}
