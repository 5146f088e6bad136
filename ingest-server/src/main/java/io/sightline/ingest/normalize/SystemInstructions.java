package io.sightline.ingest.normalize;

import io.sightline.ingest.model.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code gen_ai.system_instructions} (array of parts, a JSON string of one, or plain text) → text parts. */
final class SystemInstructions {
    private SystemInstructions() {}

    static List<Object> parts(Object value) {
        List<Object> out = new ArrayList<>(1);
        if (value instanceof String s) {
            Object parsed = Json.parseStructured(s);
            if (parsed == null) {
                if (Parts.isText(s)) {
                    out.add(Parts.text(s));
                }
                return out;
            }
            value = parsed;
        }
        if (value instanceof List<?> l) {
            for (Object o : l) {
                Map<String, Object> p = Parts.convert(o);
                if (p != null) {
                    out.add(p);
                }
            }
        } else if (value instanceof Map<?, ?> m) {
            // a single system message instead of parts
            Map<String, Object> msg = Messages.message(m, "system");
            if (msg != null) {
                out.addAll((List<?>) msg.get("parts"));
            }
        }
        return out;
    }
}
