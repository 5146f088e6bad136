package io.sightline.ingest.normalize;

import io.sightline.ingest.model.SemconvSource;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Collects flattened {@code <prefix><i>.<suffix>} attributes (OpenInference, legacy Traceloop)
 * by family and index. Matching is strict (conventions.md §10.4): the prefix, then digits, then
 * a dot — so {@code gen_ai.prompt.name} is not a message. Indices sort numerically; indices above
 * {@link #MAX_INDEX} still count as content keys but are not materialised.
 */
final class IndexedKeys {
    /** Highest index kept; bounds the slots a hostile key like {@code gen_ai.prompt.99999.content} can create. */
    static final int MAX_INDEX = 1000;
    private static final int NOT_INDEXED = -1;

    enum Family {
        TL_PROMPT(TraceloopRules.PROMPT, SemconvSource.TRACELOOP),
        TL_COMPLETION(TraceloopRules.COMPLETION, SemconvSource.TRACELOOP),
        TL_FUNCTIONS(TraceloopRules.FUNCTIONS, SemconvSource.TRACELOOP),
        OI_INPUT(OpenInferenceRules.INPUT_MESSAGES, SemconvSource.OPENINFERENCE),
        OI_OUTPUT(OpenInferenceRules.OUTPUT_MESSAGES, SemconvSource.OPENINFERENCE),
        OI_PROMPTS(OpenInferenceRules.PROMPTS, SemconvSource.OPENINFERENCE),
        OI_CHOICES(OpenInferenceRules.CHOICES, SemconvSource.OPENINFERENCE),
        OI_TOOLS(OpenInferenceRules.TOOLS, SemconvSource.OPENINFERENCE),
        OI_DOCUMENTS(OpenInferenceRules.DOCUMENTS, SemconvSource.OPENINFERENCE),
        OI_RERANK_INPUT(OpenInferenceRules.RERANKER_INPUT_DOCUMENTS, SemconvSource.OPENINFERENCE),
        OI_RERANK_OUTPUT(OpenInferenceRules.RERANKER_OUTPUT_DOCUMENTS, SemconvSource.OPENINFERENCE),
        OI_EMBEDDINGS(OpenInferenceRules.EMBEDDINGS, SemconvSource.OPENINFERENCE);

        final String prefix;
        final SemconvSource convention;

        Family(String prefix, SemconvSource convention) {
            this.prefix = prefix;
            this.convention = convention;
        }
    }

    private static final Family[] FAMILIES = Family.values();

    private EnumMap<Family, TreeMap<Integer, Map<String, Object>>> groups;

    /** Records {@code key} if it is an indexed content key; its family (kept or not), else null. */
    Family add(String key, Object value) {
        char c = key.isEmpty() ? 0 : key.charAt(0);
        if (c != 'g' && c != 'l' && c != 'r' && c != 'e') {
            return null;
        }
        for (Family f : FAMILIES) {
            if (key.startsWith(f.prefix)) {
                return put(f, key, f.prefix.length(), value) ? f : null;
            }
        }
        return null;
    }

    private boolean put(Family f, String key, int start, Object value) {
        int index = parseIndex(key, start);
        if (index == NOT_INDEXED) {
            return false;
        }
        if (index > MAX_INDEX) {
            return true;
        }
        int suffixStart = key.indexOf('.', start) + 1;
        if (groups == null) {
            groups = new EnumMap<>(Family.class);
        }
        groups.computeIfAbsent(f, k -> new TreeMap<>())
                .computeIfAbsent(index, k -> new HashMap<>(8))
                .put(key.substring(suffixStart), value);
        return true;
    }

    /** Digits at {@code start} followed by '.' and a non-empty suffix; the index, capped at MAX_INDEX + 1. */
    static int parseIndex(String key, int start) {
        int i = start;
        long value = 0;
        while (i < key.length() && Character.isDigit(key.charAt(i))) {
            value = Math.min(value * 10 + (key.charAt(i) - '0'), MAX_INDEX + 1);
            i++;
        }
        if (i == start || i + 1 >= key.length() || key.charAt(i) != '.') {
            return NOT_INDEXED;
        }
        return (int) value;
    }

    /** The entries of one family by index (suffix → value), or an empty map. */
    NavigableMap<Integer, Map<String, Object>> group(Family f) {
        TreeMap<Integer, Map<String, Object>> g = groups == null ? null : groups.get(f);
        return g == null ? Collections.emptyNavigableMap() : g;
    }

    boolean isEmpty() {
        return groups == null;
    }

    /** Nested indexed entries inside one entry ({@code tool_calls.<k>.<suffix>}), by index. */
    static TreeMap<Integer, Map<String, Object>> nested(Map<String, Object> entry, String prefix) {
        TreeMap<Integer, Map<String, Object>> out = new TreeMap<>();
        for (Map.Entry<String, Object> e : entry.entrySet()) {
            String k = e.getKey();
            if (k.startsWith(prefix)) {
                int index = parseIndex(k, prefix.length());
                if (index != NOT_INDEXED && index <= MAX_INDEX) {
                    out.computeIfAbsent(index, x -> new HashMap<>(4))
                            .put(k.substring(k.indexOf('.', prefix.length()) + 1), e.getValue());
                }
            }
        }
        return out;
    }
}
