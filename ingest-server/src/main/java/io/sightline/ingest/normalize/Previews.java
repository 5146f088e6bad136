package io.sightline.ingest.normalize;

import io.sightline.ingest.model.AttributeValues;
import io.sightline.ingest.model.Json;
import io.sightline.ingest.model.SpanContent;
import java.util.List;
import java.util.Map;

/**
 * List-view previews ({@code spans.input_preview} / {@code output_preview}): one line, at most
 * {@link #MAX_CHARS} chars. Input: the last user message, else the last input message, else
 * generic input, else tool arguments. Output: the text of the output messages (tool calls as
 * {@code name(arguments)} when there is no text), else generic output, else the tool result.
 */
public final class Previews {
    public static final int MAX_CHARS = 256;

    private Previews() {}

    /**
     * Recomputes the previews from the content's JSON, for callers that changed the content
     * (redaction) after normalisation.
     */
    public static SpanContent recompute(SpanContent c) {
        List<Map<String, Object>> in = parseMessages(c.inputMessages());
        List<Map<String, Object>> out = parseMessages(c.outputMessages());
        return new SpanContent(c.systemInstructions(), c.inputMessages(), c.outputMessages(), c.toolDefinitions(),
                c.toolArguments(), c.toolResult(), c.retrievalDocuments(), c.genericInput(), c.genericOutput(),
                input(in, c.genericInput(), c.toolArguments()), output(out, c.genericOutput(), c.toolResult()));
    }

    static String input(List<Map<String, Object>> messages, String genericJson, String toolArgumentsJson) {
        Map<String, Object> pick = null;
        for (int i = messages.size() - 1; i >= 0 && pick == null; i--) {
            if ("user".equals(messages.get(i).get("role"))) {
                pick = messages.get(i);
            }
        }
        if (pick == null && !messages.isEmpty()) {
            pick = messages.get(messages.size() - 1);
        }
        if (pick != null) {
            String s = readable(pick);
            if (!s.isEmpty()) {
                return clip(s);
            }
        }
        return clip(!genericJson.isEmpty() ? jsonText(genericJson) : jsonText(toolArgumentsJson));
    }

    static String output(List<Map<String, Object>> messages, String genericJson, String toolResultJson) {
        StringBuilder sb = new StringBuilder();
        for (Map<String, Object> m : messages) {
            if (sb.length() > MAX_CHARS) {
                break;
            }
            String s = readable(m);
            if (!s.isEmpty()) {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(s);
            }
        }
        if (!sb.isEmpty()) {
            return clip(sb.toString());
        }
        return clip(!genericJson.isEmpty() ? jsonText(genericJson) : jsonText(toolResultJson));
    }

    /** Text parts; without text, tool calls as {@code name(args)} and tool responses as their value. */
    static String readable(Map<String, Object> message) {
        if (!(message.get("parts") instanceof List<?> parts)) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        StringBuilder other = new StringBuilder();
        for (Object o : parts) {
            if (!(o instanceof Map<?, ?> p)) {
                continue;
            }
            switch (String.valueOf(p.get("type"))) {
                case "text" -> append(text, AttributeValues.asString(p.get("content")));
                case "tool_call" -> append(other, p.get("name") + "(" + compact(p.get("arguments")) + ")");
                case "tool_call_response" -> append(other, compact(p.get("response")));
                default -> { }
            }
            if (text.length() > MAX_CHARS) {
                break;
            }
        }
        return !text.isEmpty() ? text.toString() : other.toString();
    }

    private static void append(StringBuilder sb, String s) {
        if (!s.isEmpty()) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(s);
        }
    }

    private static String compact(Object v) {
        if (v == null) {
            return "";
        }
        return v instanceof String s ? s : Json.write(v);
    }

    /** A JSON document as text: a string literal unquoted, anything else as its JSON. */
    private static String jsonText(String json) {
        if (json.startsWith("\"")) {
            Object v = Json.parse(json);
            if (v instanceof String s) {
                return s;
            }
        }
        return json;
    }

    /** Whitespace runs collapsed to one space, at most MAX_CHARS chars, never splitting a surrogate pair. */
    static String clip(String s) {
        if (s.length() <= MAX_CHARS && isOneLine(s)) {
            return s;
        }
        StringBuilder sb = new StringBuilder(Math.min(s.length(), MAX_CHARS));
        boolean space = false;
        for (int i = 0; i < s.length() && sb.length() < MAX_CHARS; i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                space = !sb.isEmpty();
                continue;
            }
            if (space) {
                sb.append(' ');
                space = false;
                if (sb.length() == MAX_CHARS) {
                    break;
                }
            }
            sb.append(c);
        }
        int n = sb.length();
        if (n > 0 && Character.isHighSurrogate(sb.charAt(n - 1))) {
            sb.setLength(n - 1);
        }
        return sb.toString();
    }

    /** No leading/trailing whitespace and no whitespace but single spaces: nothing to collapse. */
    private static boolean isOneLine(String s) {
        char prev = ' ';
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) && (c != ' ' || prev == ' ')) {
                return false;
            }
            prev = c;
        }
        return prev != ' ' || s.isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> parseMessages(String json) {
        Object v = json.isEmpty() ? null : Json.parse(json);
        return v instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }
}
