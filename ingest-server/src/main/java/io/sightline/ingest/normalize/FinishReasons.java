package io.sightline.ingest.normalize;

import java.util.Locale;
import java.util.Map;

/**
 * Canonical finish reasons: the OTel enum ({@code stop}, {@code length}, {@code content_filter},
 * {@code tool_call}, {@code error}) for every known vendor spelling (OpenAI {@code tool_calls},
 * Anthropic {@code end_turn}/{@code tool_use}/{@code max_tokens}, Gemini {@code STOP}/{@code SAFETY},
 * Vercel {@code tool-calls}/{@code content-filter}); other values are lower-cased and kept.
 */
public final class FinishReasons {
    private static final Map<String, String> CANONICAL = Map.ofEntries(
            Map.entry("stop", "stop"),
            Map.entry("end_turn", "stop"),
            Map.entry("stop_sequence", "stop"),
            Map.entry("complete", "stop"),
            Map.entry("finish_reason_stop", "stop"),
            Map.entry("length", "length"),
            Map.entry("max_tokens", "length"),
            Map.entry("max_output_tokens", "length"),
            Map.entry("model_length", "length"),
            Map.entry("content_filter", "content_filter"),
            Map.entry("content-filter", "content_filter"),
            Map.entry("safety", "content_filter"),
            Map.entry("recitation", "content_filter"),
            Map.entry("blocklist", "content_filter"),
            Map.entry("prohibited_content", "content_filter"),
            Map.entry("spii", "content_filter"),
            Map.entry("refusal", "content_filter"),
            Map.entry("guardrail_intervened", "content_filter"),
            Map.entry("tool_call", "tool_call"),
            Map.entry("tool_calls", "tool_call"),
            Map.entry("tool-calls", "tool_call"),
            Map.entry("tool_use", "tool_call"),
            Map.entry("function_call", "tool_call"),
            Map.entry("error", "error"));

    private FinishReasons() {}

    public static String canonical(String raw) {
        if (raw == null) {
            return "";
        }
        String key = raw.trim().toLowerCase(Locale.ROOT);
        return CANONICAL.getOrDefault(key, key);
    }
}
