package io.sightline.ingest.normalize;

import io.sightline.ingest.model.AttributeValues;
import io.sightline.ingest.model.Json;
import io.sightline.ingest.model.RawEvent;
import io.sightline.ingest.model.RawSpan;
import io.sightline.ingest.model.SemconvSource;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Values that need more than one attribute, a structured attribute or the span's events; each
 * is offered at its convention's rank, so attribute precedence still decides.
 */
final class DerivedValues {
    private DerivedValues() {}

    static void apply(Candidates c, RawSpan span) {
        provider(c);
        langfuseUsage(c);
        langfuseCost(c);
        openInferenceCost(c);
        rawUsage(c, Field.LOGFIRE_RAW_USAGE, SemconvSource.LOGFIRE,
                LogfireRules.RAW_CACHE_READ, LogfireRules.RAW_CACHE_WRITE, LogfireRules.RAW_REASONING);
        rawUsage(c, Field.VERCEL_PROVIDER_METADATA, SemconvSource.VERCEL_AI,
                VercelAiRules.METADATA_CACHE_READ, VercelAiRules.METADATA_CACHE_WRITE, VercelAiRules.METADATA_REASONING);
        streaming(c);
        timeToFirstToken(c, span);
        traceloopEntity(c);
    }

    private static void provider(Candidates c) {
        if (c.has(Field.OI_LLM_SYSTEM) || c.has(Field.OI_LLM_PROVIDER)) {
            String p = ProviderNames.fromOpenInference(c.string(Field.OI_LLM_SYSTEM), c.string(Field.OI_LLM_PROVIDER));
            c.offerDerived(Field.PROVIDER, p.isEmpty() ? null : p, SemconvSource.OPENINFERENCE);
        }
    }

    private static void langfuseUsage(Candidates c) {
        if (!(Parts.structured(c.raw(Field.LANGFUSE_USAGE)) instanceof Map<?, ?> u)) {
            return;
        }
        long read = firstCount(u, LangfuseRules.USAGE_CACHE_READ);
        long write = firstCount(u, LangfuseRules.USAGE_CACHE_WRITE);
        long reasoning = firstCount(u, LangfuseRules.USAGE_REASONING);
        Long input = firstCountOrNull(u, LangfuseRules.USAGE_INPUT);
        Long output = firstCountOrNull(u, LangfuseRules.USAGE_OUTPUT);
        SemconvSource lf = SemconvSource.LANGFUSE;
        c.offerDerived(Field.INPUT_TOKENS, input == null ? null : input + read + write, lf);
        c.offerDerived(Field.OUTPUT_TOKENS, output == null ? null : output + reasoning, lf);
        c.offerDerived(Field.TOTAL_TOKENS, firstCountOrNull(u, LangfuseRules.USAGE_TOTAL), lf);
        c.offerDerived(Field.CACHE_READ_TOKENS, read > 0 ? read : null, lf);
        c.offerDerived(Field.CACHE_WRITE_TOKENS, write > 0 ? write : null, lf);
        c.offerDerived(Field.REASONING_TOKENS, reasoning > 0 ? reasoning : null, lf);
    }

    private static void langfuseCost(Candidates c) {
        if (!(Parts.structured(c.raw(Field.LANGFUSE_COST)) instanceof Map<?, ?> m)) {
            return;
        }
        Double total = AttributeValues.asDouble(m.get(LangfuseRules.COST_TOTAL));
        if (total == null) {
            double sum = 0;
            boolean any = false;
            for (Object v : m.values()) {
                Double d = AttributeValues.asDouble(v);
                if (d != null && Double.isFinite(d) && d >= 0) {
                    sum += d;
                    any = true;
                }
            }
            total = any ? sum : null;
        }
        c.offerDerived(Field.COST_USD, total == null || !Double.isFinite(total) || total < 0 ? null : total,
                SemconvSource.LANGFUSE);
    }

    private static void openInferenceCost(Candidates c) {
        if (c.has(Field.OI_COST_PROMPT) || c.has(Field.OI_COST_COMPLETION)) {
            double sum = (c.has(Field.OI_COST_PROMPT) ? c.number(Field.OI_COST_PROMPT) : 0)
                    + (c.has(Field.OI_COST_COMPLETION) ? c.number(Field.OI_COST_COMPLETION) : 0);
            c.offerDerived(Field.COST_USD, sum, SemconvSource.OPENINFERENCE);
        }
    }

    /** Cache and reasoning counts from a provider's raw usage object (Logfire) or metadata (Vercel). */
    private static void rawUsage(Candidates c, Field field, SemconvSource convention,
                                 List<String> cacheRead, List<String> cacheWrite, List<String> reasoning) {
        Object root = Parts.structured(c.raw(field));
        if (!(root instanceof Map<?, ?>)) {
            return;
        }
        c.offerDerived(Field.CACHE_READ_TOKENS, firstPathCount(root, cacheRead), convention);
        c.offerDerived(Field.CACHE_WRITE_TOKENS, firstPathCount(root, cacheWrite), convention);
        c.offerDerived(Field.REASONING_TOKENS, firstPathCount(root, reasoning), convention);
    }

    private static void streaming(Candidates c) {
        if (Parts.structured(c.raw(Field.OI_INVOCATION_PARAMETERS)) instanceof Map<?, ?> params) {
            c.offerDerived(Field.STREAMING, AttributeValues.asBoolean(params.get(OpenInferenceRules.INVOCATION_STREAM)),
                    SemconvSource.OPENINFERENCE);
        }
        String op = c.string(Field.VERCEL_OPERATION_ID);
        if (!op.isEmpty()) {
            boolean stream = op.endsWith(VercelAiRules.OP_STREAM) || op.startsWith(VercelAiRules.OP_STREAM_PREFIX_TEXT)
                    || op.startsWith(VercelAiRules.OP_STREAM_PREFIX_OBJECT);
            c.offerDerived(Field.STREAMING, stream, SemconvSource.VERCEL_AI);
        }
        if (Parts.structured(c.raw(Field.LOGFIRE_REQUEST)) instanceof Map<?, ?> req) {
            c.offerDerived(Field.STREAMING, AttributeValues.asBoolean(req.get(LogfireRules.REQUEST_STREAM)),
                    SemconvSource.LOGFIRE);
        }
    }

    /** Langfuse's absolute completion start, Traceloop's first chunk event, Vercel's first-chunk event. */
    private static void timeToFirstToken(Candidates c, RawSpan span) {
        Long startNanos = epochNanos(c.raw(Field.COMPLETION_START));
        if (startNanos != null && startNanos >= span.startNanos()) {
            c.offerDerived(Field.TTFT_MS, (startNanos - span.startNanos()) / 1e6, SemconvSource.LANGFUSE);
        }
        for (RawEvent e : span.events()) {
            boolean chunk = e.name().equals(TraceloopRules.CHUNK_EVENT);
            if ((chunk || e.name().equals(VercelAiRules.FIRST_CHUNK_EVENT)) && e.timeNanos() >= span.startNanos()) {
                c.offerDerived(Field.TTFT_MS, (e.timeNanos() - span.startNanos()) / 1e6,
                        chunk ? SemconvSource.TRACELOOP : SemconvSource.VERCEL_AI);
                break; // events are in time order; the first chunk is the one
            }
        }
    }

    /** Traceloop decorators name the agent or tool in {@code traceloop.entity.name}. */
    private static void traceloopEntity(Candidates c) {
        String name = c.string(Field.TRACELOOP_ENTITY_NAME);
        if (name.isEmpty()) {
            return;
        }
        String kind = c.string(Field.TRACELOOP_KIND);
        if (kind.equals(TraceloopRules.KIND_AGENT)) {
            c.offerDerived(Field.AGENT_NAME, name, SemconvSource.TRACELOOP);
        } else if (kind.equals(TraceloopRules.KIND_TOOL)) {
            c.offerDerived(Field.TOOL_NAME, name, SemconvSource.TRACELOOP);
        }
    }

    /** An ISO-8601 time (zone optional, UTC assumed; possibly JSON-quoted twice) or epoch ms/ns → epoch nanos. */
    static Long epochNanos(Object v) {
        if (v instanceof Long || v instanceof Double) {
            double d = ((Number) v).doubleValue();
            return d > 1e17 ? (long) d : (long) (d * 1e6); // nanos, else millis
        }
        if (!(v instanceof String raw)) {
            return null;
        }
        String s = raw.trim();
        for (int i = 0; i < 3 && s.startsWith("\""); i++) { // JSON-encoded, sometimes twice
            if (!(Json.parse(s) instanceof String decoded)) {
                return null;
            }
            s = decoded.trim();
        }
        Instant t;
        try {
            t = OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                t = LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    private static long firstCount(Map<?, ?> m, List<String> keys) {
        Long v = firstCountOrNull(m, keys);
        return v == null ? 0 : v;
    }

    private static Long firstCountOrNull(Map<?, ?> m, List<String> keys) {
        for (String k : keys) {
            Long v = AttributeValues.asLong(m.get(k));
            if (v != null && v >= 0) {
                return v;
            }
        }
        return null;
    }

    private static Long firstPathCount(Object root, List<String> paths) {
        for (String path : paths) {
            Object v = root;
            for (String part : path.split("\\.")) {
                v = v instanceof Map<?, ?> m ? m.get(part) : null;
            }
            Long l = AttributeValues.asLong(v);
            if (l != null && l >= 0) {
                return l;
            }
        }
        return null;
    }
}
