package io.sightline.ingest.normalize;

import io.sightline.ingest.model.AttributeValues;
import io.sightline.ingest.model.Json;
import io.sightline.ingest.model.SemconvSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The best value seen so far for every {@link Field} of one span, with its rank and convention
 * (conventions.md §10.1: collect every candidate, pick by precedence, record provenance).
 * A value that cannot be read as its field's kind (a non-numeric token count, an empty string)
 * is not a candidate, so it never hides a usable lower-ranked one.
 */
final class Candidates {
    private static final int FIELDS = Field.values().length;

    private final Object[] values = new Object[FIELDS];
    private final int[] ranks = new int[FIELDS];
    private final SemconvSource[] conventions = new SemconvSource[FIELDS];
    private int bestRank = Integer.MAX_VALUE;
    private SemconvSource bestConvention = SemconvSource.NONE;
    private boolean content;

    Candidates() {
        Arrays.fill(ranks, Integer.MAX_VALUE);
    }

    /** Offers an attribute value under one rule; true when it became the field's value. */
    boolean offer(MappingRules.Entry e, Object raw) {
        KeyRule rule = e.rule();
        Object v = convert(rule, raw);
        if (v == null) {
            return false;
        }
        content |= rule.field().isContent();
        if (!e.identity() && e.rank() < bestRank) {
            bestRank = e.rank();
            bestConvention = e.convention();
        }
        return put(rule.field(), v, e.rank(), e.convention());
    }

    /** Offers a value derived from events, indexed keys or other fields, already in the field's form. */
    boolean offerDerived(Field field, Object value, SemconvSource convention) {
        return value != null && put(field, value, MappingRules.rankAfter(convention), convention);
    }

    private boolean put(Field field, Object v, int rank, SemconvSource convention) {
        int i = field.ordinal();
        if (rank > ranks[i]) {
            return false;
        }
        values[i] = v;
        ranks[i] = rank;
        conventions[i] = convention;
        return true;
    }

    boolean has(Field f) {
        return values[f.ordinal()] != null;
    }

    Object raw(Field f) {
        return values[f.ordinal()];
    }

    String string(Field f) {
        Object v = values[f.ordinal()];
        return v == null ? "" : (String) v;
    }

    Long count(Field f) {
        return (Long) values[f.ordinal()];
    }

    Double number(Field f) {
        return (Double) values[f.ordinal()];
    }

    Boolean bool(Field f) {
        return (Boolean) values[f.ordinal()];
    }

    @SuppressWarnings("unchecked")
    List<String> list(Field f) {
        Object v = values[f.ordinal()];
        return v == null ? List.of() : (List<String>) v;
    }

    /** The convention that supplied the field's value, or null when it has none. */
    SemconvSource convention(Field f) {
        return conventions[f.ordinal()];
    }

    /** True when any content field has a value. */
    boolean hasContent() {
        return content;
    }

    /** Convention of the highest-precedence non-identity rule that matched anything. */
    SemconvSource bestConvention() {
        return bestConvention;
    }

    static Object convert(KeyRule rule, Object raw) {
        if (raw == null) {
            return null;
        }
        switch (rule.field().kind) {
            case STRING: {
                String s = AttributeValues.asString(raw).trim();
                if (rule.transform() != null && !s.isEmpty()) {
                    s = rule.transform().apply(s);
                }
                return s.isEmpty() ? null : s;
            }
            case STRING_LIST:
                return stringList(raw);
            case BOOLEAN:
                return AttributeValues.asBoolean(raw);
            case NUMBER: {
                Double d = AttributeValues.asDouble(raw);
                return d == null || !Double.isFinite(d) || d < 0 ? null : d * rule.scale();
            }
            case COUNT: {
                Long l = AttributeValues.asLong(raw);
                return l == null || l < 0 ? null : l;
            }
            default: // RAW, CONTENT
                if (raw instanceof String s && (s.isBlank() || s.equals(OpenInferenceRules.REDACTED))) {
                    return null;
                }
                return raw;
        }
    }

    /** An array of strings, a JSON array in a string, or a single string. */
    static List<String> stringList(Object raw) {
        Object v = raw;
        if (raw instanceof String s) {
            Object parsed = s.startsWith("[") ? Json.parseStructured(s) : null;
            v = parsed instanceof List<?> ? parsed : List.of(s);
        }
        if (!(v instanceof List<?> l)) {
            return null;
        }
        List<String> out = new ArrayList<>(l.size());
        for (Object o : l) {
            String s = AttributeValues.asString(o).trim();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out.isEmpty() ? null : List.copyOf(out);
    }
}
