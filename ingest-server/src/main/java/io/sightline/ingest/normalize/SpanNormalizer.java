package io.sightline.ingest.normalize;

import io.sightline.ingest.model.AttributeValues;
import io.sightline.ingest.model.Attributes;
import io.sightline.ingest.model.NormalizedEvent;
import io.sightline.ingest.model.NormalizedLink;
import io.sightline.ingest.model.NormalizedResult;
import io.sightline.ingest.model.NormalizedSpan;
import io.sightline.ingest.model.ObsType;
import io.sightline.ingest.model.RawEvent;
import io.sightline.ingest.model.RawLink;
import io.sightline.ingest.model.RawSpan;
import io.sightline.ingest.model.SpanContent;
import io.sightline.ingest.model.SpanKind;
import io.sightline.ingest.model.StatusCode;
import io.sightline.ingest.model.TokenUsage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One span → normalised span and content. Pure; all state is per call. */
final class SpanNormalizer {
    /** Largest value of the UInt32 {@code ttft_ms} column. */
    static final long MAX_TTFT_MS = 0xFFFF_FFFFL;
    /** OTel's {@code error.type} fallback when a span failed without saying how. */
    static final String OTHER_ERROR = "_OTHER";

    private SpanNormalizer() {}

    static NormalizedResult normalize(RawSpan span, Map<String, String> resourceAttributes) {
        Candidates c = new Candidates();
        IndexedKeys indexed = new IndexedKeys();
        Markers markers = new Markers(span.scopeName());
        Map<String, String> raw = readAttributes(span.attributes(), c, indexed, markers);
        DerivedValues.apply(c, span);

        ObsTypes.Decision decision = ObsTypes.decide(c, span.isRoot());
        ObsType type = decision.type();
        boolean contentEvents = EventContent.anyContent(span.events());
        ContentBuilder.Built built = c.hasContent() || !indexed.isEmpty() || contentEvents
                ? ContentBuilder.build(c, indexed, EventContent.of(contentEvents ? span.events() : List.of()), type)
                : ContentBuilder.NONE;

        StatusCode status = span.statusCode();
        if (status == StatusCode.UNSET && "ERROR".equalsIgnoreCase(c.string(Field.LANGFUSE_LEVEL))) {
            status = StatusCode.ERROR;
        }
        TokenUsage usage = TokenCounts.resolve(c);
        long ttft = ttftMs(c);
        Boolean streaming = c.bool(Field.STREAMING);
        boolean tool = type == ObsType.TOOL;

        NormalizedSpan.Builder b = NormalizedSpan.builder()
                .traceId(span.traceId())
                .spanId(span.spanId())
                .parentSpanId(span.parentSpanId())
                .startNanos(span.startNanos())
                .endNanos(span.endNanos())
                .serviceName(span.resource().getString("service.name"))
                .serviceVersion(span.resource().getString("service.version"))
                .environment(environment(span.resource(), c))
                .scopeName(span.scopeName())
                .scopeVersion(span.scopeVersion())
                .spanName(span.name())
                .spanKind(span.kind())
                .statusCode(status)
                .statusMessage(span.statusMessage())
                .obsType(type)
                .operationName(ObsTypes.operationName(c, type))
                .provider(c.string(Field.PROVIDER))
                .requestModel(c.string(Field.REQUEST_MODEL))
                .responseModel(c.string(Field.RESPONSE_MODEL))
                .responseId(c.string(Field.RESPONSE_ID))
                .agentName(c.string(Field.AGENT_NAME))
                .agentId(c.string(Field.AGENT_ID))
                .toolName(tool ? c.string(Field.TOOL_NAME) : "")
                .toolCallId(tool ? c.string(Field.TOOL_CALL_ID) : "")
                .sessionId(c.string(Field.SESSION_ID))
                .userId(c.string(Field.USER_ID))
                .promptName(c.string(Field.PROMPT_NAME))
                .promptVersion(c.string(Field.PROMPT_VERSION))
                .finishReasons(finishReasons(c, built))
                .streaming(streaming != null ? streaming : ttft > 0)
                .ttftMs(ttft)
                .usage(usage)
                .usageIsRollup(isRollup(type, span.kind()))
                .reportedCostUsd(c.has(Field.COST_USD) ? BigDecimal.valueOf(c.number(Field.COST_USD)) : null)
                .semconvSource(markers.source(decision, c, built.legacyEvents()))
                .spanAttributes(raw)
                .resourceAttributes(resourceAttributes)
                .events(events(span.events()))
                .links(links(span.links()));
        error(b, c, span, status);
        return new NormalizedResult(b.build(), built.content());
    }

    /** The span's envelope and raw attributes only, for spans whose normalisation failed. */
    static NormalizedResult degraded(RawSpan span, Map<String, String> resourceAttributes, RuntimeException cause) {
        Map<String, String> raw = new HashMap<>(Stringified.of(span.attributes()));
        raw.put(Normalizer.DEGRADED_ATTRIBUTE, cause.getClass().getName());
        NormalizedSpan s = NormalizedSpan.builder()
                .traceId(span.traceId())
                .spanId(span.spanId())
                .parentSpanId(span.parentSpanId())
                .startNanos(span.startNanos())
                .endNanos(span.endNanos())
                .serviceName(span.resource().getString("service.name"))
                .serviceVersion(span.resource().getString("service.version"))
                .scopeName(span.scopeName())
                .scopeVersion(span.scopeVersion())
                .spanName(span.name())
                .spanKind(span.kind())
                .statusCode(span.statusCode())
                .statusMessage(span.statusMessage())
                .spanAttributes(raw)
                .resourceAttributes(resourceAttributes)
                .build();
        return new NormalizedResult(s, SpanContent.EMPTY);
    }

    /** One pass over the attributes: offer to the rules, collect indexed content, keep the rest stringified. */
    private static Map<String, String> readAttributes(Attributes attrs, Candidates c, IndexedKeys indexed, Markers markers) {
        Map<String, String> raw = HashMap.newHashMap(attrs.size());
        List<Integer> needsLogfire = null;
        for (int i = 0; i < attrs.size(); i++) {
            String key = attrs.key(i);
            Object value = attrs.value(i);
            MappingRules.Entry[] entries = MappingRules.lookup(key);
            boolean content = false;
            if (entries != null) {
                if (LogfireRules.NEEDS_MARKER.contains(key)) {
                    needsLogfire = needsLogfire == null ? new ArrayList<>(2) : needsLogfire;
                    needsLogfire.add(i);
                    continue;
                }
                for (MappingRules.Entry e : entries) {
                    c.offer(e, value);
                    markers.mark(e);
                    content |= e.rule().field().isContent();
                }
            } else {
                IndexedKeys.Family family = indexed.add(key, value);
                if (family != null) {
                    markers.mark(family.convention);
                    content = true;
                } else {
                    markers.see(key);
                }
            }
            if (!content) {
                raw.put(key, AttributeValues.asString(value));
            }
        }
        if (needsLogfire != null) {
            for (int i : needsLogfire) {
                String key = attrs.key(i);
                if (markers.logfire()) {
                    for (MappingRules.Entry e : MappingRules.lookup(key)) {
                        c.offer(e, attrs.value(i));
                    }
                } else {
                    raw.put(key, AttributeValues.asString(attrs.value(i)));
                }
            }
        }
        return Collections.unmodifiableMap(raw);
    }

    private static String environment(Attributes resource, Candidates c) {
        String env = resource.getString("deployment.environment.name");
        if (env.isEmpty()) {
            env = resource.getString("deployment.environment");
        }
        return env.isEmpty() ? c.string(Field.SPAN_ENVIRONMENT) : env;
    }

    private static List<String> finishReasons(Candidates c, ContentBuilder.Built built) {
        List<String> fromAttributes = c.list(Field.FINISH_REASONS);
        if (fromAttributes.isEmpty()) {
            return built.outputFinishReasons();
        }
        List<String> out = new ArrayList<>(fromAttributes.size());
        for (String r : fromAttributes) {
            out.add(FinishReasons.canonical(r));
        }
        return out;
    }

    private static long ttftMs(Candidates c) {
        Double ms = c.number(Field.TTFT_MS);
        if (ms == null || ms <= 0) {
            return 0;
        }
        return Math.min(MAX_TTFT_MS, Math.max(1, Math.round(ms))); // sub-ms is still known, not 0 (= unknown)
    }

    /**
     * In-process agent/workflow/chain spans repeat their children's usage (conventions.md §10.2,
     * Vercel {@code invoke_agent}, OpenLLMetry workflows). A CLIENT agent span calls a remote
     * agent whose inner calls are not traced here, so its usage is its own.
     */
    static boolean isRollup(ObsType type, SpanKind kind) {
        return type.isAggregate() && kind != SpanKind.CLIENT;
    }

    private static void error(NormalizedSpan.Builder b, Candidates c, RawSpan span, StatusCode status) {
        String type = c.string(Field.ERROR_TYPE);
        String message = "";
        if (status == StatusCode.ERROR) {
            message = span.statusMessage();
            for (RawEvent e : span.events()) {
                if (e.name().equals(OtelGenAiRules.EXCEPTION_EVENT)) {
                    if (type.isEmpty()) {
                        type = e.attributes().getString(OtelGenAiRules.EXCEPTION_TYPE);
                    }
                    if (message.isEmpty()) {
                        message = e.attributes().getString(OtelGenAiRules.EXCEPTION_MESSAGE);
                    }
                    break;
                }
            }
            if (message.isEmpty()) {
                message = c.string(Field.LANGFUSE_STATUS_MESSAGE);
            }
            if (type.isEmpty()) {
                type = OTHER_ERROR;
            }
        }
        b.errorType(type).errorMessage(message);
    }

    /** Events for the {@code events} column: content events keep name and time only; chunk events are dropped. */
    private static List<NormalizedEvent> events(List<RawEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        List<NormalizedEvent> out = new ArrayList<>(events.size());
        for (RawEvent e : events) {
            if (e.name().equals(TraceloopRules.CHUNK_EVENT)) {
                continue;
            }
            out.add(new NormalizedEvent(e.timeNanos(), e.name(),
                    EventContent.carriesContent(e.name()) ? Map.of() : Stringified.of(e.attributes())));
        }
        return out;
    }

    private static List<NormalizedLink> links(List<RawLink> links) {
        if (links.isEmpty()) {
            return List.of();
        }
        List<NormalizedLink> out = new ArrayList<>(links.size());
        for (RawLink l : links) {
            out.add(new NormalizedLink(l.traceId(), l.spanId(), Stringified.of(l.attributes())));
        }
        return out;
    }
}
