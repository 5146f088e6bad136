package io.sightline.ingest.normalize;

import io.sightline.ingest.model.Attributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-message GenAI events of OTel v1.28–v1.36 ({@code gen_ai.user.message}, …,
 * {@code gen_ai.choice}) → canonical messages. The same shapes arrive as log record bodies, as
 * span event attributes and inside Logfire's {@code events} attribute.
 */
final class EventMessages {
    private EventMessages() {}

    /** The role a message event implies, or null when {@code eventName} is not a message event. */
    static String impliedRole(String eventName) {
        return switch (eventName) {
            case OtelGenAiRules.SYSTEM_MESSAGE_EVENT -> "system";
            case OtelGenAiRules.USER_MESSAGE_EVENT -> "user";
            case OtelGenAiRules.ASSISTANT_MESSAGE_EVENT -> "assistant";
            case OtelGenAiRules.TOOL_MESSAGE_EVENT -> "tool";
            default -> null;
        };
    }

    static boolean isChoice(String eventName) {
        return OtelGenAiRules.CHOICE_EVENT.equals(eventName);
    }

    /** A message event's body (map or plain string) → canonical message, or null. */
    static Map<String, Object> message(String eventName, Object body) {
        String role = impliedRole(eventName);
        if (role == null) {
            return null;
        }
        if (body instanceof Map<?, ?> m) {
            return Messages.message(m, role);
        }
        if (body instanceof String s && Parts.isText(s)) {
            return Messages.message(role, List.of(Parts.text(s)));
        }
        return null;
    }

    /** A {@code gen_ai.choice} body → output message with {@code finish_reason}; {@code index} kept when asked. */
    static Map<String, Object> choice(Object body, boolean keepIndex) {
        if (!(body instanceof Map<?, ?> m)) {
            return body instanceof String s && Parts.isText(s) ? Messages.message("assistant", List.of(Parts.text(s))) : null;
        }
        Map<String, Object> msg = Messages.choice(m);
        if (msg != null && keepIndex && m.get("index") != null) {
            msg.put("index", m.get("index"));
        }
        return msg;
    }

    static Map<String, Object> toMap(Attributes attributes) {
        Map<String, Object> m = LinkedHashMap.newLinkedHashMap(attributes.size());
        for (int i = 0; i < attributes.size(); i++) {
            m.put(attributes.key(i), attributes.value(i));
        }
        return m;
    }
}
