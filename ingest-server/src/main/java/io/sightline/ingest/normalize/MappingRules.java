package io.sightline.ingest.normalize;

import io.sightline.ingest.model.SemconvSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * All mapping tables, in precedence order (conventions.md §10.1: Langfuse explicit → OTel current
 * → OTel legacy → OpenInference → Traceloop → OpenLIT → Vercel legacy → Logfire v1), indexed by
 * key. A rule's rank is its position in this order; for one field the lowest rank with a usable
 * value wins. Session and user ids come only from {@link IdentityRules}, whose own order applies.
 */
final class MappingRules {
    /** One rule with its precedence and convention. {@code identity} rules say nothing about the producer. */
    record Entry(KeyRule rule, int rank, SemconvSource convention, boolean identity) {}

    private record Table(SemconvSource convention, List<KeyRule> rules) {}

    private static final List<Table> ORDER = List.of(
            new Table(SemconvSource.NONE, IdentityRules.RULES),
            new Table(SemconvSource.LANGFUSE, LangfuseRules.RULES),
            new Table(SemconvSource.OTEL_GENAI, OtelGenAiRules.RULES),
            new Table(SemconvSource.OTEL_GENAI_LEGACY, OtelLegacyRules.RULES),
            new Table(SemconvSource.OPENINFERENCE, OpenInferenceRules.RULES),
            new Table(SemconvSource.TRACELOOP, TraceloopRules.RULES),
            new Table(SemconvSource.OPENLIT, OpenLitRules.RULES),
            new Table(SemconvSource.VERCEL_AI, VercelAiRules.RULES),
            new Table(SemconvSource.LOGFIRE, LogfireRules.RULES));

    private static final Map<String, Entry[]> BY_KEY;
    /** Rank of each convention for values that come from events or indexed keys, not one attribute. */
    private static final Map<SemconvSource, Integer> CONVENTION_RANK;

    static {
        Map<String, List<Entry>> byKey = new HashMap<>();
        Map<SemconvSource, Integer> conventionRank = new HashMap<>();
        Set<String> seen = new HashSet<>();
        int rank = 0;
        for (Table t : ORDER) {
            boolean identity = t.rules() == IdentityRules.RULES;
            for (KeyRule r : t.rules()) {
                if (!seen.add(r.key() + "\u0000" + r.field())) {
                    throw new IllegalStateException("duplicate mapping " + r.key() + " -> " + r.field());
                }
                if (!identity && (r.field() == Field.SESSION_ID || r.field() == Field.USER_ID)) {
                    throw new IllegalStateException("session/user keys belong in IdentityRules: " + r.key());
                }
                byKey.computeIfAbsent(r.key(), k -> new ArrayList<>(1))
                        .add(new Entry(r, rank++, t.convention(), identity));
            }
            if (!identity) {
                conventionRank.put(t.convention(), rank++);
            }
        }
        Map<String, Entry[]> out = HashMap.newHashMap(byKey.size());
        byKey.forEach((k, v) -> out.put(k, v.toArray(Entry[]::new)));
        BY_KEY = Map.copyOf(out);
        CONVENTION_RANK = Map.copyOf(conventionRank);
    }

    private MappingRules() {}

    /** The rules for {@code key}, or null when no table knows it. */
    static Entry[] lookup(String key) {
        return BY_KEY.get(key);
    }

    /** A rank just after every attribute rule of {@code convention} (for derived values). */
    static int rankAfter(SemconvSource convention) {
        return CONVENTION_RANK.get(convention);
    }
}
