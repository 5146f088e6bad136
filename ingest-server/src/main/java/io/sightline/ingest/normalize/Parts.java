package io.sightline.ingest.normalize;

import io.sightline.ingest.model.AttributeValues;
import io.sightline.ingest.model.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Message parts of every producer → OTel GenAI parts ({@code text}, {@code reasoning},
 * {@code tool_call}, {@code tool_call_response}, {@code uri}, {@code blob}; other typed parts pass
 * through). Accepts OTel, OpenAI (chat and responses), Anthropic, Vercel AI SDK and Gemini shapes.
 */
final class Parts {
    private Parts() {}

    static Map<String, Object> text(String content) {
        Map<String, Object> p = new LinkedHashMap<>(4);
        p.put("type", "text");
        p.put("content", content);
        return p;
    }

    static Map<String, Object> reasoning(String content) {
        Map<String, Object> p = new LinkedHashMap<>(4);
        p.put("type", "reasoning");
        p.put("content", content);
        return p;
    }

    static Map<String, Object> toolCall(Object id, Object name, Object arguments) {
        Map<String, Object> p = new LinkedHashMap<>(8);
        p.put("type", "tool_call");
        putString(p, "id", id);
        p.put("name", name == null ? "" : AttributeValues.asString(name));
        if (arguments != null) {
            p.put("arguments", structured(arguments));
        }
        return p;
    }

    static Map<String, Object> toolResponse(Object id, Object response) {
        Map<String, Object> p = new LinkedHashMap<>(6);
        p.put("type", "tool_call_response");
        putString(p, "id", id);
        p.put("response", structured(response));
        return p;
    }

    /** A string holding a JSON object/array becomes that structure (arguments, tool results). */
    static Object structured(Object v) {
        if (v instanceof String s) {
            Object parsed = Json.parseStructured(s);
            return parsed != null ? parsed : s;
        }
        return v;
    }

    /** Adds the parts of a message's {@code content}: a string, a list of parts, or one part. */
    static void addContent(List<Map<String, Object>> parts, Object content) {
        if (content instanceof String s) {
            if (isText(s)) {
                parts.add(text(s));
            }
        } else if (content instanceof List<?> l) {
            for (Object o : l) {
                Map<String, Object> p = convert(o);
                if (p != null) {
                    parts.add(p);
                }
            }
        } else if (content != null) {
            Map<String, Object> p = convert(content);
            if (p != null) {
                parts.add(p);
            }
        }
    }

    /** One part in any supported shape → canonical part, or null when it carries nothing. */
    static Map<String, Object> convert(Object part) {
        if (part instanceof String s) {
            return isText(s) ? text(s) : null;
        }
        if (!(part instanceof Map<?, ?> m)) {
            return part == null ? null : text(AttributeValues.asString(part));
        }
        Object type = m.get("type");
        if (type instanceof String t) {
            return typed(t, m);
        }
        return untyped(m);
    }

    private static Map<String, Object> typed(String type, Map<?, ?> m) {
        switch (type) {
            case "text", "input_text", "output_text": {
                String s = firstString(m, "content", "text");
                return s == null || !isText(s) ? null : text(s);
            }
            case "reasoning", "thinking": {
                String s = firstString(m, "content", "text", "thinking");
                return s == null ? null : reasoning(s);
            }
            case "tool_call":
                return toolCall(m.get("id"), m.get("name"), m.get("arguments"));
            case "tool_call_response":
                return toolResponse(m.get("id"), m.containsKey("response") ? m.get("response") : m.get("result"));
            case "tool_use":
                return toolCall(m.get("id"), m.get("name"), m.get("input"));
            case "tool_result":
                return toolResponse(m.get("tool_use_id"), m.get("content"));
            case "tool-call":
                return toolCall(m.get("toolCallId"), m.get("toolName"),
                        m.containsKey("args") ? m.get("args") : m.get("input"));
            case "tool-result":
                return toolResponse(m.get("toolCallId"), m.containsKey("result") ? m.get("result") : m.get("output"));
            case "function_call":
                return toolCall(m.containsKey("call_id") ? m.get("call_id") : m.get("id"), m.get("name"),
                        m.get("arguments"));
            case "function_call_output":
                return toolResponse(m.get("call_id"), m.get("output"));
            case "image_url": {
                Object iu = m.get("image_url");
                Object url = iu instanceof Map<?, ?> im ? im.get("url") : iu;
                return url == null ? null : uri("image", url);
            }
            case "input_audio": {
                Object ia = m.get("input_audio");
                if (!(ia instanceof Map<?, ?> am)) {
                    return null;
                }
                return blob("audio", am.get("format") == null ? null : "audio/" + am.get("format"), am.get("data"));
            }
            case "image":
                return image(m);
            default:
                return copy(m); // blob, uri, file, server_tool_call, ... are OTel already; unknown types pass through
        }
    }

    private static Map<String, Object> image(Map<?, ?> m) {
        if (m.get("source") instanceof Map<?, ?> src) { // Anthropic
            if ("url".equals(src.get("type"))) {
                return uri("image", src.get("url"));
            }
            return blob("image", src.get("media_type"), src.get("data"));
        }
        Object img = m.get("image");
        if (img instanceof Map<?, ?> im && im.get("url") != null) { // OpenInference
            return uri("image", im.get("url"));
        }
        if (img instanceof String s) { // Vercel: URL or base64
            return s.startsWith("http://") || s.startsWith("https://") || s.startsWith("data:")
                    ? uri("image", s) : blob("image", m.get("mimeType"), s);
        }
        return copy(m);
    }

    private static Map<String, Object> untyped(Map<?, ?> m) {
        if (m.get("text") instanceof String s) { // Gemini
            return isText(s) ? text(s) : null;
        }
        if (m.get("functionCall") instanceof Map<?, ?> fc) {
            return toolCall(fc.get("id"), fc.get("name"), fc.get("args"));
        }
        if (m.get("functionResponse") instanceof Map<?, ?> fr) {
            return toolResponse(fr.get("id") != null ? fr.get("id") : fr.get("name"), fr.get("response"));
        }
        Object inline = m.containsKey("inlineData") ? m.get("inlineData") : m.get("inline_data");
        if (inline instanceof Map<?, ?> in) {
            return blob(null, in.containsKey("mimeType") ? in.get("mimeType") : in.get("mime_type"), in.get("data"));
        }
        if (m.get("content") instanceof String s) {
            return isText(s) ? text(s) : null;
        }
        return copy(m);
    }

    private static Map<String, Object> uri(String modality, Object uri) {
        Map<String, Object> p = new LinkedHashMap<>(4);
        p.put("type", "uri");
        p.put("modality", modality);
        p.put("uri", AttributeValues.asString(uri));
        return p;
    }

    private static Map<String, Object> blob(String modality, Object mimeType, Object content) {
        Map<String, Object> p = new LinkedHashMap<>(6);
        p.put("type", "blob");
        if (modality != null) {
            p.put("modality", modality);
        }
        putString(p, "mime_type", mimeType);
        p.put("content", content == null ? "" : AttributeValues.asString(content));
        return p;
    }

    private static Map<String, Object> copy(Map<?, ?> m) {
        Map<String, Object> p = new LinkedHashMap<>(m.size() * 2);
        m.forEach((k, v) -> p.put(String.valueOf(k), v));
        return p;
    }

    private static void putString(Map<String, Object> p, String key, Object v) {
        if (v != null) {
            String s = AttributeValues.asString(v);
            if (!s.isEmpty()) {
                p.put(key, s);
            }
        }
    }

    static String firstString(Map<?, ?> m, String... keys) {
        for (String k : keys) {
            if (m.get(k) instanceof String s) {
                return s;
            }
        }
        return null;
    }

    /** Real text: not empty and not a "hidden content" placeholder. */
    static boolean isText(String s) {
        return !s.isEmpty() && !s.equals(OpenInferenceRules.REDACTED);
    }
}
