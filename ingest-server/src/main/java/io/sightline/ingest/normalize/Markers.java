package io.sightline.ingest.normalize;

import io.sightline.ingest.model.SemconvSource;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which producer conventions a span shows traces of, to fill {@code semconv_source}. Many producers
 * write OTel names, so a span decided by an OTel attribute is labelled with the most specific
 * vendor whose keys it carries; otherwise OTel legacy (pre-1.37 names or content events) or
 * current. A span decided by a vendor's own attribute keeps that vendor.
 */
final class Markers {
    /** Vendors whose presence overrides an OTel label, most specific first. */
    private static final List<SemconvSource> VENDOR_ORDER = List.of(
            SemconvSource.LANGFUSE, SemconvSource.LOGFIRE, SemconvSource.OPENLIT, SemconvSource.VERCEL_AI,
            SemconvSource.TRACELOOP, SemconvSource.OPENINFERENCE);
    private static final Set<String> OPENLIT_KEYS = Set.copyOf(OpenLitRules.MARKERS);

    private final EnumSet<SemconvSource> seen = EnumSet.noneOf(SemconvSource.class);

    Markers(String scopeName) {
        if (scopeName.equals(VercelAiRules.SCOPE)) {
            seen.add(SemconvSource.VERCEL_AI);
        }
    }

    /** A key matched by a rule; identity keys (shared by everyone) and OTel keys say nothing. */
    void mark(MappingRules.Entry e) {
        if (!e.identity()) {
            mark(e.convention());
        }
    }

    void mark(SemconvSource convention) {
        if (convention != SemconvSource.OTEL_GENAI && convention != SemconvSource.OTEL_GENAI_LEGACY) {
            seen.add(convention);
        }
    }

    /** A key no rule knows: vendor namespaces and OpenLIT-only keys still identify the producer. */
    void see(String key) {
        if (OPENLIT_KEYS.contains(key)) {
            seen.add(SemconvSource.OPENLIT);
            return;
        }
        switch (key.isEmpty() ? ' ' : key.charAt(0)) {
            case 'l' -> {
                if (key.startsWith(LogfireRules.KEY_PREFIX)) {
                    seen.add(SemconvSource.LOGFIRE);
                } else if (key.startsWith("langfuse.")) {
                    seen.add(SemconvSource.LANGFUSE);
                }
            }
            case 't' -> {
                if (key.startsWith("traceloop.")) {
                    seen.add(SemconvSource.TRACELOOP);
                }
            }
            case 'a' -> {
                if (key.startsWith(VercelAiRules.KEY_PREFIX)) {
                    seen.add(SemconvSource.VERCEL_AI);
                }
            }
            default -> { }
        }
    }

    boolean logfire() {
        return seen.contains(SemconvSource.LOGFIRE);
    }

    SemconvSource source(ObsTypes.Decision decision, Candidates c, boolean legacyEvents) {
        SemconvSource base = decision.convention() != null ? decision.convention() : c.bestConvention();
        if (base != SemconvSource.OTEL_GENAI && base != SemconvSource.OTEL_GENAI_LEGACY && base != SemconvSource.NONE) {
            return base;
        }
        for (SemconvSource vendor : VENDOR_ORDER) {
            if (seen.contains(vendor)) {
                return vendor;
            }
        }
        boolean legacy = legacyEvents
                || c.convention(Field.PROVIDER) == SemconvSource.OTEL_GENAI_LEGACY
                || c.convention(Field.INPUT_TOKENS) == SemconvSource.OTEL_GENAI_LEGACY
                || c.convention(Field.OUTPUT_TOKENS) == SemconvSource.OTEL_GENAI_LEGACY;
        if (legacy) {
            return SemconvSource.OTEL_GENAI_LEGACY;
        }
        return base;
    }
}
