package io.sightline.ingest.normalize;

import io.sightline.ingest.model.Attributes;
import io.sightline.ingest.model.NormalizedBatch;
import io.sightline.ingest.model.NormalizedLogEvent;
import io.sightline.ingest.model.NormalizedResult;
import io.sightline.ingest.model.NormalizedSpan;
import io.sightline.ingest.model.RawLogRecord;
import io.sightline.ingest.model.RawSpan;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GenAI normalisation (conventions.md §9–§10): raw OTLP spans and log records → rows for
 * {@code spans}, {@code span_content} and {@code genai_log_events}. Pure functions: no I/O, no
 * clock, no shared mutable state; one instance may serve all threads.
 */
public final class Normalizer {

    /** One span, without batch context. */
    public NormalizedResult normalize(RawSpan span) {
        return normalizeOrDegrade(span, Stringified.of(span.resource()));
    }

    /** One log record; empty when it is not a GenAI event or cannot be tied to a span. */
    public Optional<NormalizedLogEvent> normalize(RawLogRecord record) {
        try {
            return LogNormalizer.normalize(record);
        } catch (RuntimeException e) {
            return Optional.empty(); // a record we cannot read is skipped, not a failed request
        }
    }

    /**
     * Data must never fail a request: if normalising a span throws (a bug on some unforeseen
     * input), the span is still stored with its envelope and raw attributes, type {@code other},
     * attribute {@value #DEGRADED_ATTRIBUTE} set, and no content.
     */
    private static NormalizedResult normalizeOrDegrade(RawSpan span, Map<String, String> resource) {
        try {
            return SpanNormalizer.normalize(span, resource);
        } catch (RuntimeException e) {
            return SpanNormalizer.degraded(span, resource, e);
        }
    }

    /** Set on spans stored without normalisation; its value is the exception class. */
    public static final String DEGRADED_ATTRIBUTE = "sightline.normalize.error";

    /**
     * A batch: every span normalised (noise left out, see {@link #isNoise}), session and user ids
     * propagated across the spans of each trace ({@link TraceIdentity}), and the GenAI log events.
     */
    public NormalizedBatch normalize(List<RawSpan> spans, List<RawLogRecord> logs) {
        Map<Attributes, Map<String, String>> resources = new IdentityHashMap<>();
        List<NormalizedResult> results = new ArrayList<>(spans.size());
        int noise = 0;
        for (RawSpan s : spans) {
            if (isNoise(s)) {
                noise++;
                continue;
            }
            Map<String, String> resource = resources.computeIfAbsent(s.resource(), Stringified::of);
            results.add(normalizeOrDegrade(s, resource));
        }
        List<NormalizedSpan> normalized = new ArrayList<>(results.size());
        for (NormalizedResult r : results) {
            normalized.add(r.span());
        }
        List<NormalizedSpan> propagated = TraceIdentity.propagate(normalized);
        for (int i = 0; i < results.size(); i++) {
            if (propagated.get(i) != normalized.get(i)) {
                results.set(i, results.get(i).withSpan(propagated.get(i)));
            }
        }
        List<NormalizedLogEvent> events = new ArrayList<>(logs.size());
        for (RawLogRecord r : logs) {
            normalize(r).ifPresent(events::add);
        }
        return new NormalizedBatch(results, events, noise, logs.size() - events.size());
    }

    /** Logfire {@code pending_span} placeholders: the real span follows with another id (conventions.md §8.4). */
    public static boolean isNoise(RawSpan span) {
        Object type = span.attributes().get(LogfireRules.SPAN_TYPE);
        return LogfireRules.PENDING_SPAN.equals(type);
    }
}
