package io.sightline.ingest.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Minimal JSON for attribute values and canonical content: writes the attribute value model
 * ({@link Attributes}) and parses text into the same model (objects → {@code LinkedHashMap},
 * arrays → {@code ArrayList}, integers → {@code Long}, other numbers → {@code Double}).
 * Hand-written output keeps key order and avoids a data-binding layer in the hot path.
 */
public final class Json {
    /** Deeper JSON than this is not content anyone reads; parsing gives up (returns null). */
    static final int MAX_PARSE_DEPTH = 64;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_PARSE_DEPTH).build())
            .build();

    private Json() {}

    public static String write(Object value) {
        StringBuilder sb = new StringBuilder(64);
        write(sb, value);
        return sb.toString();
    }

    public static void write(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            quote(sb, s);
        } else if (v instanceof Boolean || v instanceof Long || v instanceof Integer) {
            sb.append(v);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isFinite(d)) {
                sb.append(v);
            } else {
                quote(sb, v.toString()); // JSON has no NaN/Infinity
            }
        } else if (v instanceof Number) {
            sb.append(v);
        } else if (v instanceof byte[] b) {
            quote(sb, Base64.getEncoder().encodeToString(b));
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                quote(sb, String.valueOf(e.getKey()));
                sb.append(':');
                write(sb, e.getValue());
            }
            sb.append('}');
        } else if (v instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                write(sb, l.get(i));
            }
            sb.append(']');
        } else {
            quote(sb, v.toString());
        }
    }

    public static void quote(StringBuilder sb, String s) {
        sb.append('"');
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            sb.append(s, start, i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> sb.append(String.format("\\u%04x", (int) c));
            }
            start = i + 1;
        }
        sb.append(s, start, s.length()).append('"');
    }

    /**
     * Parses text that holds a JSON object or array (leading whitespace allowed); a JSON string
     * that itself holds an object or array (double encoding) is unwrapped once. Anything else,
     * including invalid JSON, gives null: callers then treat the text as plain text.
     */
    public static Object parseStructured(String text) {
        int i = firstNonSpace(text);
        if (i < 0) {
            return null;
        }
        char c = text.charAt(i);
        if (c == '{' || c == '[') {
            return parse(text);
        }
        if (c == '"') {
            Object inner = parse(text);
            if (inner instanceof String s) {
                int j = firstNonSpace(s);
                if (j >= 0 && (s.charAt(j) == '{' || s.charAt(j) == '[')) {
                    return parse(s);
                }
            }
        }
        return null;
    }

    /** Parses any JSON value; null when the text is not exactly one valid JSON value. */
    public static Object parse(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return null;
            }
            Object v = read(p, t);
            return p.nextToken() == null ? v : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Object read(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    m.put(name, read(p, p.nextToken()));
                }
                return m;
            }
            case START_ARRAY: {
                List<Object> l = new ArrayList<>();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    l.add(read(p, e));
                }
                return l;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    return p.getDoubleValue();
                }
                return p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IOException("unexpected token " + t);
        }
    }

    private static int firstNonSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
