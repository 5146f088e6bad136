package io.sightline.ingest.normalize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tool definitions of any producer → {@code {"type":"function","name":..,"description":..,"parameters":..}}. */
final class ToolDefinitions {
    private ToolDefinitions() {}

    /** A list (or JSON string of one, or a list of JSON strings as Vercel sends) → definitions. */
    static List<Object> list(Object value) {
        Object v = Parts.structured(value);
        List<Object> out = new ArrayList<>();
        if (v instanceof List<?> l) {
            for (Object o : l) {
                Object def = normalize(o);
                if (def != null) {
                    out.add(def);
                }
            }
        } else if (v instanceof Map<?, ?>) {
            Object def = normalize(v);
            if (def != null) {
                out.add(def);
            }
        }
        return out;
    }

    /** One definition; OpenAI's {@code {"type":"function","function":{..}}} wrapper is flattened. */
    static Object normalize(Object value) {
        Object v = Parts.structured(value);
        if (!(v instanceof Map<?, ?> m)) {
            return null;
        }
        Map<?, ?> body = m.get("function") instanceof Map<?, ?> fn && !m.containsKey("name") ? fn : m;
        Map<String, Object> def = new LinkedHashMap<>(body.size() + 2);
        def.put("type", m.get("type") instanceof String t ? t : "function");
        body.forEach((k, val) -> {
            String key = String.valueOf(k);
            if (!key.equals("type")) {
                def.put(key, key.equals("parameters") || key.equals("inputSchema") ? Parts.structured(val) : val);
            }
        });
        return def;
    }
}
