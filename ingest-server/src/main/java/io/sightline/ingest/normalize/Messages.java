package io.sightline.ingest.normalize;

import io.sightline.ingest.model.AttributeValues;
import io.sightline.ingest.model.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Messages of every producer → OTel GenAI messages: {@code {"role":..,"parts":[..],"name"?,
 * "finish_reason"?}}. Accepts OTel messages (with {@code parts}), OpenAI chat messages and
 * choices ({@code content}, {@code tool_calls}, {@code tool_call_id}, {@code function_call}),
 * Anthropic and Vercel content-block lists, Gemini {@code parts}, and JSON strings of any of them.
 */
final class Messages {
    private Messages() {}

    /**
     * Any value → messages. A plain (non-JSON) string is one message of {@code defaultRole}.
     * A value that is structured but not message-shaped gives an empty list.
     */
    static List<Map<String, Object>> fromAny(Object value, String defaultRole) {
        if (value == null) {
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        addAny(out, value, defaultRole);
        return out;
    }

    private static void addAny(List<Map<String, Object>> out, Object value, String defaultRole) {
        if (value instanceof String s) {
            Object parsed = Json.parseStructured(s);
            if (parsed != null) {
                addAny(out, parsed, defaultRole);
            } else if (Parts.isText(s)) {
                out.add(message(defaultRole, List.of(Parts.text(s))));
            }
        } else if (value instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> m) {
                    addMap(out, m, defaultRole);
                } else if (o instanceof String s && Parts.isText(s)) {
                    out.add(message(defaultRole, List.of(Parts.text(s))));
                }
            }
        } else if (value instanceof Map<?, ?> m) {
            addMap(out, m, defaultRole);
        }
    }

    private static void addMap(List<Map<String, Object>> out, Map<?, ?> m, String defaultRole) {
        if (m.get("messages") instanceof List<?> l && !m.containsKey("role")) { // a request object
            addAny(out, l, defaultRole);
        } else if (m.get("choices") instanceof List<?> l) { // a response object
            for (Object o : l) {
                if (o instanceof Map<?, ?> c) {
                    add(out, choice(c));
                }
            }
        } else if (m.get("message") instanceof Map<?, ?> && !m.containsKey("role")) { // one choice
            add(out, choice(m));
        } else if (m.containsKey("role") || m.containsKey("parts") || m.containsKey("content")
                || m.containsKey("tool_calls")) {
            add(out, message(m, defaultRole));
        }
    }

    private static void add(List<Map<String, Object>> out, Map<String, Object> message) {
        if (message != null) {
            out.add(message);
        }
    }

    /** True when {@code value} is (a JSON string of) messages rather than arbitrary data. */
    static boolean looksLikeMessages(Object value) {
        Object v = value instanceof String s ? Json.parseStructured(s) : value;
        if (v instanceof List<?> l) {
            return !l.isEmpty() && l.get(0) instanceof Map<?, ?> m && m.containsKey("role");
        }
        return v instanceof Map<?, ?> m && (m.containsKey("role") || m.get("messages") instanceof List<?>);
    }

    /** An OpenAI-style choice ({@code message} or {@code text}, {@code finish_reason}) → output message. */
    static Map<String, Object> choice(Map<?, ?> c) {
        Map<String, Object> msg;
        if (c.get("message") instanceof Map<?, ?> inner) {
            msg = message(inner, "assistant");
        } else if (c.get("text") instanceof String t) {
            msg = message("assistant", Parts.isText(t) ? List.of(Parts.text(t)) : List.of());
        } else {
            msg = message(c, "assistant");
        }
        Object finish = c.get("finish_reason");
        if (finish != null) {
            if (msg == null) {
                msg = message("assistant", List.of());
            }
            msg.put("finish_reason", FinishReasons.canonical(AttributeValues.asString(finish)));
        }
        return msg;
    }

    /** One message map in any supported shape → canonical message, or null when it says nothing. */
    static Map<String, Object> message(Map<?, ?> m, String defaultRole) {
        String role = role(m.get("role") instanceof String r && !r.isEmpty() ? r : defaultRole);
        List<Map<String, Object>> parts = new ArrayList<>(2);
        if (m.get("parts") instanceof List<?> ps) {
            for (Object o : ps) {
                Map<String, Object> p = Parts.convert(o);
                if (p != null) {
                    parts.add(p);
                }
            }
        }
        Parts.addContent(parts, m.get("content"));
        if (m.get("refusal") instanceof String s && Parts.isText(s)) {
            parts.add(Parts.text(s));
        }
        if (m.get("tool_calls") instanceof List<?> calls) {
            for (Object o : calls) {
                if (o instanceof Map<?, ?> tc) {
                    parts.add(toolCall(tc));
                }
            }
        }
        if (m.get("function_call") instanceof Map<?, ?> fc) {
            parts.add(Parts.toolCall(null, fc.get("name"), fc.get("arguments")));
        }
        if (role.equals("tool") || role.equals("function")) {
            Object id = m.containsKey("tool_call_id") ? m.get("tool_call_id") : m.get("id");
            parts = asToolResponse(parts, id);
        }
        Object finish = m.get("finish_reason");
        if (parts.isEmpty() && finish == null) {
            return null;
        }
        Map<String, Object> out = message(role, parts);
        if (m.get("name") instanceof String name && !name.isEmpty()) {
            out.put("name", name);
        }
        if (finish != null) {
            out.put("finish_reason", FinishReasons.canonical(AttributeValues.asString(finish)));
        }
        return out;
    }

    static Map<String, Object> message(String role, List<Map<String, Object>> parts) {
        Map<String, Object> out = new LinkedHashMap<>(6);
        out.put("role", role);
        out.put("parts", parts);
        return out;
    }

    /** OpenAI {@code {id, function:{name, arguments}}} or flat {@code {id, name, arguments}}. */
    static Map<String, Object> toolCall(Map<?, ?> tc) {
        if (tc.get("function") instanceof Map<?, ?> fn) {
            return Parts.toolCall(tc.get("id"), fn.get("name"), fn.get("arguments"));
        }
        if ("tool_call".equals(tc.get("type")) || tc.containsKey("toolCallId")) {
            return Parts.convert(tc);
        }
        return Parts.toolCall(tc.get("id"), tc.get("name"), tc.get("arguments"));
    }

    /** A tool message's text is the tool's response: one tool_call_response part. */
    private static List<Map<String, Object>> asToolResponse(List<Map<String, Object>> parts, Object id) {
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> p : parts) {
            if (!"text".equals(p.get("type"))) {
                return parts; // already structured (tool_call_response, media): keep
            }
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(p.get("content"));
        }
        if (parts.isEmpty()) {
            return parts;
        }
        List<Map<String, Object>> out = new ArrayList<>(1);
        out.add(Parts.toolResponse(id, text.toString()));
        return out;
    }

    /** Role spellings of other ecosystems → OTel roles. */
    static String role(String raw) {
        return switch (raw) {
            case "model", "ai", "bot" -> "assistant";
            case "human" -> "user";
            case "developer" -> "system";
            default -> raw;
        };
    }

    static String json(List<Map<String, Object>> messages) {
        return messages.isEmpty() ? "" : Json.write(messages);
    }
}
