package io.sightline.ingest.decode;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.sightline.ingest.model.Attributes;
import io.sightline.ingest.model.Ids;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Shared parts of the OTLP/JSON readers (streaming, no tree): the OTLP/JSON mapping rules —
 * camelCase or snake_case field names, int64 as number or string, enums as number or name,
 * ids as hex, bytes as base64, unknown fields skipped, {@code null} meaning absent.
 * One instance per request (not thread-safe).
 */
abstract class JsonReader {
    /** Reads one element of the request's top-level list. */
    @FunctionalInterface
    interface ElementReader {
        void read() throws IOException, MalformedOtlpException;
    }

    /**
     * Reads an export request object: its list field ({@code resourceSpans}, camelCase or
     * snake_case) element by element through {@code element}; other fields are skipped.
     */
    final void readRequest(byte[] body, String requestType, String listField, String snakeListField,
            ElementReader element) throws MalformedOtlpException {
        try (JsonParser parser = FACTORY.createParser(body)) {
            p = parser;
            JsonToken t = p.nextToken();
            if (t == null) {
                return;
            }
            if (t != JsonToken.START_OBJECT) {
                throw malformed("the body must be a JSON object (" + requestType + "), got " + describe(t));
            }
            for (String f = nextField(); f != null; f = nextField()) {
                if (f.equals(listField) || f.equals(snakeListField)) {
                    if (startArray(f)) {
                        while (nextObjectElement(f)) {
                            element.read();
                        }
                    }
                } else {
                    skipValue();
                }
            }
            if (p.nextToken() != null) {
                throw malformed("unexpected content after the request object");
            }
        } catch (JsonProcessingException e) {
            throw new MalformedOtlpException("invalid OTLP/JSON request: not valid JSON: " + e.getOriginalMessage()
                    + locationOf(e), e);
        } catch (IOException e) {
            throw new MalformedOtlpException("invalid OTLP/JSON request: " + e.getMessage(), e);
        }
    }

    static String locationOf(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    /** Jackson's own nesting guard sits above ours so deep values fail as a span rejection, not a parse error. */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(2000)
                    .maxStringLength(256 << 20)
                    .build())
            .build();

    final ValueLimiter limiter;
    final Rejections rejections = new Rejections();
    JsonParser p;
    private final int[] elements = new int[1];

    JsonReader(ValueLimiter limiter) {
        this.limiter = limiter;
    }

    // ---- structure ----

    /** Positions on the next token and checks that it starts an object; false for {@code null}. */
    boolean startObject(String field) throws IOException, MalformedOtlpException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NULL) {
            return false;
        }
        if (t != JsonToken.START_OBJECT) {
            throw malformed("'" + field + "' must be an object, got " + describe(t));
        }
        return true;
    }

    boolean startArray(String field) throws IOException, MalformedOtlpException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NULL) {
            return false;
        }
        if (t != JsonToken.START_ARRAY) {
            throw malformed("'" + field + "' must be an array, got " + describe(t));
        }
        return true;
    }

    /** Advances inside an object: the next field name, or null at the end of the object. */
    String nextField() throws IOException, MalformedOtlpException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.END_OBJECT) {
            return null;
        }
        if (t != JsonToken.FIELD_NAME) {
            throw malformed("expected a field name, got " + describe(t));
        }
        return p.currentName();
    }

    /** Advances inside an array: true when an element starts (an object is required), false at its end. */
    boolean nextObjectElement(String field) throws IOException, MalformedOtlpException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.END_ARRAY) {
            return false;
        }
        if (t != JsonToken.START_OBJECT) {
            throw malformed("elements of '" + field + "' must be objects, got " + describe(t));
        }
        return true;
    }

    void skipValue() throws IOException {
        p.nextToken();
        p.skipChildren();
    }

    /** After a rejection deep inside an item: moves back to the item's own object level. */
    void unwindTo(JsonStreamContext itemContext) throws IOException, MalformedOtlpException {
        while (p.getParsingContext() != itemContext) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw malformed("unexpected end of input");
            }
            p.skipChildren();
        }
    }

    // ---- scalars ----

    String string(String field) throws IOException, MalformedOtlpException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NULL) {
            return "";
        }
        if (t != JsonToken.VALUE_STRING) {
            throw malformed("'" + field + "' must be a string, got " + describe(t));
        }
        return limiter.truncate(p.getText());
    }

    /** int64/uint64/fixed64 fields: a JSON number or a decimal string. */
    long int64(String field) throws IOException, MalformedOtlpException {
        JsonToken t = p.nextToken();
        try {
            if (t == JsonToken.VALUE_NUMBER_INT) {
                return p.getLongValue();
            }
            if (t == JsonToken.VALUE_STRING) {
                String s = p.getText().trim();
                return s.startsWith("-") ? Long.parseLong(s) : Long.parseUnsignedLong(s);
            }
            if (t == JsonToken.VALUE_NULL) {
                return 0;
            }
        } catch (NumberFormatException | IOException e) {
            throw malformed("'" + field + "' must be a 64-bit integer, got '" + p.getText() + "'");
        }
        throw malformed("'" + field + "' must be an integer (number or string), got " + describe(t));
    }

    int int32(String field) throws IOException, MalformedOtlpException {
        long v = int64(field);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw malformed("'" + field + "' is out of range: " + v);
        }
        return (int) v;
    }

    /** An enum: its number, or its proto name resolved by {@code byName} (unknown names → 0). */
    int enumValue(String field, java.util.function.ToIntFunction<String> byName)
            throws IOException, MalformedOtlpException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return p.getIntValue();
        }
        if (t == JsonToken.VALUE_STRING) {
            return byName.applyAsInt(p.getText());
        }
        if (t == JsonToken.VALUE_NULL) {
            return 0;
        }
        throw malformed("'" + field + "' must be an enum number or name, got " + describe(t));
    }

    /** A trace or span id as sent (hex per OTLP/JSON), lower-cased; checked by {@link #checkId}. */
    String id(String field) throws IOException, MalformedOtlpException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NULL) {
            return "";
        }
        if (t != JsonToken.VALUE_STRING) {
            throw malformed("'" + field + "' must be a hex string, got " + describe(t));
        }
        String s = p.getText();
        return s.length() > 64 ? s.substring(0, 64) : s;
    }

    /**
     * Canonical lower-case hex of an id, or a rejection. OTLP/JSON says hex; base64 of the right
     * byte length (what generic protobuf JSON printers emit) is accepted as well.
     */
    static String checkId(String raw, int bytes, String what) throws ItemRejectedException {
        if (raw.isEmpty()) {
            throw new ItemRejectedException(what + " is empty");
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        if (lower.length() == bytes * 2 && isHex(lower)) {
            if (!Ids.isValid(lower, bytes * 2)) {
                throw new ItemRejectedException(what + " is all zeros");
            }
            return lower;
        }
        if (raw.length() == ((bytes + 2) / 3) * 4) {
            try {
                byte[] decoded = Base64.getDecoder().decode(raw);
                if (decoded.length == bytes) {
                    String hex = Ids.hex(decoded);
                    if (Ids.isValid(hex, bytes * 2)) {
                        return hex;
                    }
                }
            } catch (IllegalArgumentException e) {
                // not base64 either; fall through
            }
        }
        throw new ItemRejectedException(what + " '" + raw + "' is not " + (bytes * 2) + " hex digits");
    }

    /**
     * An id that may be absent (a root span's parent, a log record outside any trace): empty and
     * all-zero both mean none, as in the OTel Collector's data model.
     */
    static String checkOptionalId(String raw, int bytes, String what) throws ItemRejectedException {
        return raw.isEmpty() || isZeroId(raw, bytes) ? "" : checkId(raw, bytes, what);
    }

    private static boolean isZeroId(String raw, int bytes) {
        if (raw.length() == bytes * 2) {
            return raw.chars().allMatch(c -> c == '0');
        }
        if (raw.length() == ((bytes + 2) / 3) * 4) {
            try {
                byte[] decoded = Base64.getDecoder().decode(raw);
                for (byte b : decoded) {
                    if (b != 0) {
                        return false;
                    }
                }
                return decoded.length == bytes;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return false;
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    // ---- attributes and values ----

    /** {@code [{"key":..,"value":{..}}]}; over-limit lists throw {@link ItemRejectedException}. */
    Attributes attributes(String where) throws IOException, MalformedOtlpException, ItemRejectedException {
        if (!startArray("attributes")) {
            return Attributes.EMPTY;
        }
        Attributes.Builder b = null;
        while (nextObjectElement("attributes")) {
            if (b == null) {
                b = Attributes.builder(8);
            }
            limiter.checkAttributeCount(b.size() + 1, where);
            keyValue(b);
        }
        return b == null ? Attributes.EMPTY : b.build();
    }

    /** Reads one KeyValue object (positioned on its START_OBJECT) into {@code b}. */
    private void keyValue(Attributes.Builder b) throws IOException, MalformedOtlpException, ItemRejectedException {
        String key = null;
        Object value = null;
        for (String f = nextField(); f != null; f = nextField()) {
            if (f.equals("key")) {
                key = string("key");
            } else if (f.equals("value")) {
                value = topValue(key == null ? "?" : key);
            } else {
                skipValue();
            }
        }
        if (key == null) {
            throw malformed("attribute without 'key'");
        }
        b.put(key, value);
    }

    /** One AnyValue (the next token) with a fresh element budget. */
    Object topValue(String key) throws IOException, MalformedOtlpException, ItemRejectedException {
        elements[0] = 0;
        return anyValue(1, key);
    }

    private Object anyValue(int depth, String key) throws IOException, MalformedOtlpException, ItemRejectedException {
        p.nextToken();
        return anyValueAt(depth, key);
    }

    private List<Object> arrayValue(int depth, String key) throws IOException, MalformedOtlpException, ItemRejectedException {
        if (!startObject("arrayValue")) {
            return null;
        }
        limiter.checkDepth(depth, key);
        List<Object> list = new ArrayList<>();
        for (String f = nextField(); f != null; f = nextField()) {
            if (!f.equals("values")) {
                skipValue();
                continue;
            }
            if (!startArray("values")) {
                continue;
            }
            while (p.nextToken() != JsonToken.END_ARRAY) {
                limiter.countElements(elements, 1, key);
                list.add(anyValueAt(depth + 1, key));
            }
        }
        return Collections.unmodifiableList(list);
    }

    private Map<String, Object> kvlistValue(int depth, String key)
            throws IOException, MalformedOtlpException, ItemRejectedException {
        if (!startObject("kvlistValue")) {
            return null;
        }
        limiter.checkDepth(depth, key);
        Map<String, Object> map = new LinkedHashMap<>();
        for (String f = nextField(); f != null; f = nextField()) {
            if (!f.equals("values")) {
                skipValue();
                continue;
            }
            if (!startArray("values")) {
                continue;
            }
            while (nextObjectElement("kvlistValue.values")) {
                limiter.countElements(elements, 1, key);
                String k = null;
                Object v = null;
                for (String g = nextField(); g != null; g = nextField()) {
                    if (g.equals("key")) {
                        k = string("key");
                    } else if (g.equals("value")) {
                        v = anyValue(depth + 1, key);
                    } else {
                        skipValue();
                    }
                }
                if (k == null) {
                    throw malformed("kvlist entry without 'key' in attribute '" + key + "'");
                }
                map.put(k, v);
            }
        }
        return Collections.unmodifiableMap(map);
    }

    /** Reads the AnyValue whose first token is the current token. */
    private Object anyValueAt(int depth, String key) throws IOException, MalformedOtlpException, ItemRejectedException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.START_OBJECT) {
            throw malformed("value of attribute '" + key + "' must be an AnyValue object, got " + describe(t));
        }
        Object result = null;
        for (String f = nextField(); f != null; f = nextField()) {
            switch (f) {
                case "stringValue", "string_value" -> result = string(f);
                case "boolValue", "bool_value" -> result = bool(f);
                case "intValue", "int_value" -> result = int64(f);
                case "doubleValue", "double_value" -> result = doubleValue(f);
                case "bytesValue", "bytes_value" -> result = bytes(f);
                case "arrayValue", "array_value" -> result = arrayValue(depth, key);
                case "kvlistValue", "kvlist_value" -> result = kvlistValue(depth, key);
                default -> skipValue();
            }
        }
        return result;
    }

    private Boolean bool(String field) throws IOException, MalformedOtlpException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return t == JsonToken.VALUE_TRUE;
        }
        if (t == JsonToken.VALUE_STRING && (p.getText().equals("true") || p.getText().equals("false"))) {
            return Boolean.parseBoolean(p.getText());
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        throw malformed("'" + field + "' must be a boolean, got " + describe(t));
    }

    private Double doubleValue(String field) throws IOException, MalformedOtlpException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
            return p.getDoubleValue();
        }
        if (t == JsonToken.VALUE_STRING) {
            String s = p.getText();
            switch (s) {
                case "NaN": return Double.NaN;
                case "Infinity": return Double.POSITIVE_INFINITY;
                case "-Infinity": return Double.NEGATIVE_INFINITY;
                default:
                    try {
                        return Double.parseDouble(s);
                    } catch (NumberFormatException e) {
                        throw malformed("'" + field + "' must be a number, got '" + s + "'");
                    }
            }
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        throw malformed("'" + field + "' must be a number, got " + describe(t));
    }

    private byte[] bytes(String field) throws IOException, MalformedOtlpException {
        String s = string(field);
        try {
            return limiter.truncate(Base64.getDecoder().decode(s));
        } catch (IllegalArgumentException e) {
            throw malformed("'" + field + "' must be base64");
        }
    }

    // ---- resource and scope ----

    /** {@code {"attributes":[..]}}; null when the resource is over the limits (its items are then rejected). */
    Attributes resource() throws IOException, MalformedOtlpException {
        if (!startObject("resource")) {
            return Attributes.EMPTY;
        }
        JsonStreamContext ctx = p.getParsingContext();
        Attributes attrs = Attributes.EMPTY;
        try {
            for (String f = nextField(); f != null; f = nextField()) {
                if (f.equals("attributes")) {
                    attrs = attributes("resource");
                } else {
                    skipValue();
                }
            }
            return attrs;
        } catch (ItemRejectedException e) {
            unwindTo(ctx);
            while (nextField() != null) {
                skipValue();
            }
            return null;
        }
    }

    /**
     * An item (span, log record) as read, before its resource is known: encoders may write
     * {@code "resource"} after the scopes.
     */
    abstract static class ItemDraft<T> {
        /** Why a limit or a bad field refused this item; null while it is acceptable. */
        String rejectReason;

        /** How a rejection message names the item. */
        abstract String describe();

        abstract T build(Attributes resource, String scopeName, String scopeVersion) throws ItemRejectedException;
    }

    @FunctionalInterface
    interface ItemReader<T> {
        ItemDraft<T> read() throws IOException, MalformedOtlpException;
    }

    /**
     * One {@code resourceSpans}/{@code resourceLogs} element: its resource and scopes, whose items
     * (under any of {@code itemFields}) are read by {@code items}; acceptable items go to
     * {@code out}, the others to the rejections.
     */
    final <T> void resourceGroup(Set<String> scopeFields, Set<String> itemFields, ItemReader<T> items,
            List<T> out) throws IOException, MalformedOtlpException {
        Attributes resource = Attributes.EMPTY;
        List<ScopeDraft<T>> scopes = new ArrayList<>(1);
        for (String f = nextField(); f != null; f = nextField()) {
            if (f.equals("resource")) {
                resource = resource();
            } else if (scopeFields.contains(f)) {
                if (startArray(f)) {
                    while (nextObjectElement(f)) {
                        scopes.add(scopeItems(itemFields, items));
                    }
                }
            } else {
                skipValue();
            }
        }
        for (ScopeDraft<T> scope : scopes) {
            for (ItemDraft<T> d : scope.items) {
                if (resource == null) {
                    rejections.reject(d.describe() + ": its resource has more than "
                            + limiter.limits().maxAttributes() + " attributes or too deep values");
                } else if (d.rejectReason != null) {
                    rejections.reject(d.describe() + ": " + d.rejectReason);
                } else {
                    try {
                        out.add(d.build(resource, scope.name, scope.version));
                    } catch (ItemRejectedException e) {
                        rejections.reject(d.describe() + ": " + e.getMessage());
                    }
                }
            }
        }
    }

    private static final class ScopeDraft<T> {
        String name = "";
        String version = "";
        final List<ItemDraft<T>> items = new ArrayList<>();
    }

    /** {@code {"scope":{..},"<item field>":[..]}}. */
    private <T> ScopeDraft<T> scopeItems(Set<String> itemFields, ItemReader<T> items)
            throws IOException, MalformedOtlpException {
        ScopeDraft<T> scope = new ScopeDraft<>();
        for (String f = nextField(); f != null; f = nextField()) {
            if (f.equals("scope") || f.equals("instrumentationLibrary") || f.equals("instrumentation_library")) {
                scope(scope);
            } else if (itemFields.contains(f)) {
                if (startArray(f)) {
                    while (nextObjectElement(f)) {
                        scope.items.add(items.read());
                    }
                }
            } else {
                skipValue();
            }
        }
        return scope;
    }

    /** {@code {"name":..,"version":..}}. */
    private void scope(ScopeDraft<?> into) throws IOException, MalformedOtlpException {
        if (!startObject("scope")) {
            return;
        }
        for (String f = nextField(); f != null; f = nextField()) {
            switch (f) {
                case "name" -> into.name = string(f);
                case "version" -> into.version = string(f);
                default -> skipValue();
            }
        }
    }

    // ---- errors ----

    MalformedOtlpException malformed(String what) {
        JsonLocation loc = p == null ? null : p.currentLocation();
        String where = loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
        return new MalformedOtlpException("invalid OTLP/JSON request: " + what + where);
    }

    static String describe(JsonToken t) {
        if (t == null) {
            return "end of input";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.asString() == null ? t.name() : "'" + t.asString() + "'";
        };
    }
}
