package io.sightline.ingest.model;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Typed views of attribute values (see {@link Attributes} for the value model). Coercions are
 * lenient in the direction producers are sloppy: numbers sent as strings, integral doubles,
 * booleans sent as {@code "true"}.
 */
public final class AttributeValues {
    private AttributeValues() {}

    /**
     * A string rendering: strings as they are, numbers and booleans in Java's canonical form,
     * bytes as base64, arrays and kvlists as JSON.
     */
    public static String asString(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v == null) {
            return "";
        }
        if (v instanceof Long || v instanceof Boolean || v instanceof Double) {
            return v.toString();
        }
        if (v instanceof byte[] b) {
            return Base64.getEncoder().encodeToString(b);
        }
        if (v instanceof List<?> || v instanceof Map<?, ?>) {
            return Json.write(v);
        }
        return v.toString();
    }

    /** The value as a long, or null when it is not a whole number (strings are parsed). */
    public static Long asLong(Object v) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            if (n instanceof Double || n instanceof Float) {
                return Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 9.0e18 ? (long) d : null;
            }
            return n.longValue();
        }
        if (v instanceof String s && !s.isEmpty()) {
            String t = s.trim();
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                Double d = parseDouble(t);
                return d == null ? null : asLong(d);
            }
        }
        return null;
    }

    /** The value as a double, or null when it is not a number (strings are parsed). */
    public static Double asDouble(Object v) {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            return parseDouble(s.trim());
        }
        return null;
    }

    /** The value as a boolean, or null: accepts booleans and the strings true/false (any case). */
    public static Boolean asBoolean(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            if (s.equalsIgnoreCase("true")) {
                return Boolean.TRUE;
            }
            if (s.equalsIgnoreCase("false")) {
                return Boolean.FALSE;
            }
        }
        return null;
    }

    private static Double parseDouble(String s) {
        if (s.isEmpty()) {
            return null;
        }
        char c = s.charAt(0);
        if (!(c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9'))) {
            return null; // Double.parseDouble also accepts "NaN", "Infinity", hex; producers do not mean those
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Equality that compares byte arrays by content, recursively. */
    static boolean deepEquals(Object a, Object b) {
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!deepEquals(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (!y.containsKey(e.getKey()) || !deepEquals(e.getValue(), y.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return a == null ? b == null : a.equals(b);
    }

    /** Canonicalises hand-built values (Integer → Long, Float → Double) and rejects other types. */
    static Object checkSupported(Object v) {
        if (v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean
                || v instanceof byte[] || v instanceof List<?> || v instanceof Map<?, ?>) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        throw new IllegalArgumentException("unsupported attribute value type " + v.getClass().getName());
    }
}
