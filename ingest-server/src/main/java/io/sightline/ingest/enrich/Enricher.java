package io.sightline.ingest.enrich;

import io.sightline.clickhouse.tables.LogEventRow;
import io.sightline.clickhouse.tables.SpanContentRow;
import io.sightline.clickhouse.tables.SpanRow;
import io.sightline.genai.pricing.CostCalculator;
import io.sightline.genai.pricing.CostResult;
import io.sightline.genai.pricing.PriceCatalog;
import io.sightline.genai.pricing.Usage;
import io.sightline.genai.redact.RedactionResult;
import io.sightline.genai.redact.Redactor;
import io.sightline.ingest.model.NormalizedBatch;
import io.sightline.ingest.model.NormalizedEvent;
import io.sightline.ingest.model.NormalizedLink;
import io.sightline.ingest.model.NormalizedLogEvent;
import io.sightline.ingest.model.NormalizedResult;
import io.sightline.ingest.model.NormalizedSpan;
import io.sightline.ingest.model.ObsType;
import io.sightline.ingest.model.SpanContent;
import io.sightline.ingest.normalize.TraceIdentity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * From normalised spans to storable rows: the project and retention, session/user ids carried
 * across requests, cost from the price catalogue (a cost the producer reported wins and is marked
 * as reported; an unknown price stays NULL, never 0), PII redaction of content, previews, error
 * messages and free-text attributes, and the per-field size cap. Resource attributes describe
 * infrastructure and are not redacted; identifiers the application set on purpose (session, user,
 * conversation ids) are kept as sent so sessions and users still group.
 */
public final class Enricher {
  private static final Set<String> IDENTIFIER_KEYS = Set.of("session.id", "user.id", "enduser.id",
      "gen_ai.conversation.id", "langfuse.session.id", "langfuse.user.id",
      "traceloop.association.properties.session_id", "traceloop.association.properties.user_id",
      "ai.telemetry.metadata.sessionId", "ai.telemetry.metadata.userId");

  private static final BigDecimal MAX_COST = new BigDecimal("1000000000");

  private final PriceCatalog prices;
  private final Redactor redactor;
  private final EnrichSettings settings;
  private final InstantSource clock;
  private final FieldCap cap;
  private final IdentityCache identities;

  public Enricher(PriceCatalog prices, Redactor redactor, EnrichSettings settings, InstantSource clock) {
    this.prices = prices;
    this.redactor = redactor;
    this.settings = settings;
    this.clock = clock;
    this.cap = new FieldCap(settings.maxFieldBytes());
    this.identities = new IdentityCache(settings.identityCacheTraces());
  }

  /** Rows to write for one export request of {@code project}, plus what enrichment observed. */
  public record Rows(List<SpanRow> spans, List<SpanContentRow> content, List<LogEventRow> logEvents,
      int unpricedSpans, int redactions, int truncatedFields) {}

  public Rows enrich(String project, NormalizedBatch batch) {
    Counter counter = new Counter();
    List<NormalizedSpan> spans = new ArrayList<>(batch.spans().size());
    batch.spans().forEach(r -> spans.add(r.span()));
    Set<String> traces = new LinkedHashSet<>();
    spans.forEach(s -> traces.add(s.traceId()));
    List<NormalizedSpan> withIds = TraceIdentity.apply(spans,
        identities.merge(TraceIdentity.collect(spans), traces));
    Instant now = clock.instant();
    List<SpanRow> spanRows = new ArrayList<>(spans.size());
    List<SpanContentRow> contentRows = new ArrayList<>();
    for (int i = 0; i < withIds.size(); i++) {
      NormalizedSpan s = withIds.get(i);
      NormalizedResult r = batch.spans().get(i);
      StoredContent c = content(r.content(), counter);
      spanRows.add(spanRow(project, s, c, now, counter));
      if (settings.storeContent() && !r.content().isEmpty()) {
        contentRows.add(new SpanContentRow(project, settings.contentRetentionDays(), s.traceId(),
            s.spanId(), instant(s.startNanos()), now, c.fields[0], c.fields[1], c.fields[2],
            c.fields[3], c.fields[4], c.fields[5], c.fields[6], c.fields[7], c.fields[8],
            c.truncated, c.originalBytes, c.redactions));
      }
    }
    List<LogEventRow> logRows = new ArrayList<>(batch.logEvents().size());
    if (settings.storeContent()) {
      for (NormalizedLogEvent e : batch.logEvents()) {
        logRows.add(logRow(project, e, now, counter));
      }
    }
    return new Rows(spanRows, contentRows, logRows, counter.unpriced, counter.redactions, counter.truncated);
  }

  private SpanRow spanRow(String project, NormalizedSpan s, StoredContent c, Instant now, Counter counter) {
    Instant start = instant(s.startNanos());
    Cost cost = cost(s, start);
    if (cost.unpriced) {
      counter.unpriced++;
    }
    return SpanRow.builder()
        .projectId(project).retentionDays(settings.retentionDays())
        .traceId(s.traceId()).spanId(s.spanId()).parentSpanId(s.parentSpanId())
        .startTime(start).durationNanos(s.durationNanos()).ingestedAt(now)
        .serviceName(s.serviceName()).serviceVersion(s.serviceVersion()).environment(s.environment())
        .scopeName(s.scopeName()).scopeVersion(s.scopeVersion()).spanName(s.spanName())
        .spanKind(s.spanKind().columnValue()).statusCode(s.statusCode().columnValue())
        .statusMessage(text(s.statusMessage(), counter)).obsType(s.obsType().columnValue())
        .operationName(s.operationName()).provider(s.provider()).requestModel(s.requestModel())
        .responseModel(s.responseModel()).responseId(s.responseId()).agentName(s.agentName())
        .agentId(s.agentId()).toolName(s.toolName()).toolCallId(s.toolCallId())
        .sessionId(s.sessionId()).userId(s.userId()).promptName(s.promptName())
        .promptVersion(s.promptVersion()).finishReasons(s.finishReasons()).errorType(s.errorType())
        .errorMessage(text(s.errorMessage(), counter)).streaming(s.streaming()).ttftMillis(s.ttftMs())
        .inputTokens(s.usage().input()).outputTokens(s.usage().output()).totalTokens(s.usage().total())
        .cacheReadTokens(s.usage().cacheRead()).cacheWriteTokens(s.usage().cacheWrite())
        .reasoningTokens(s.usage().reasoning()).usageIsRollup(s.usageIsRollup())
        .costUsd(cost.usd).costSource(cost.source).priceVersion(cost.version)
        .inputPreview(settings.storeContent() ? c.inputPreview : "")
        .outputPreview(settings.storeContent() ? c.outputPreview : "")
        .contentBytes(c.originalBytes).semconvSource(s.semconvSource().columnValue())
        .spanAttributes(attributes(s.spanAttributes(), counter))
        .resourceAttributes(s.resourceAttributes())
        .events(events(s.events(), counter)).links(links(s.links()))
        .build();
  }

  private record Cost(BigDecimal usd, String source, String version, boolean unpriced) {}

  private Cost cost(NormalizedSpan s, Instant start) {
    BigDecimal reported = s.reportedCostUsd();
    // A reported cost outside what the column holds (Decimal(18, 9)) or negative is not credible:
    // ignore it and price the usage ourselves.
    if (reported != null && reported.signum() >= 0 && reported.compareTo(MAX_COST) < 0) {
      return new Cost(reported.setScale(9, RoundingMode.HALF_EVEN), "reported", "", false);
    }
    if (s.usageIsRollup() || s.usage().isEmpty()) {
      return new Cost(null, "none", "", false);
    }
    Usage usage = Usage.builder().inputTokens(s.usage().input()).outputTokens(s.usage().output())
        .cacheReadTokens(s.usage().cacheRead()).cacheWriteTokens(s.usage().cacheWrite())
        .reasoningTokens(s.usage().reasoning()).build();
    CostResult r = CostCalculator.compute(prices, s.provider(), s.requestModel(), s.responseModel(),
        start.toEpochMilli(), usage);
    if (r.cost() == null) {
      boolean billable = s.obsType() == ObsType.LLM || s.obsType() == ObsType.EMBEDDING
          || s.obsType() == ObsType.RERANKER;
      return new Cost(null, "none", "", billable);
    }
    return new Cost(r.cost(), "computed", prices.version(), false);
  }

  /** Content fields redacted and capped, in span_content column order. */
  private static final class StoredContent {
    final String[] fields = new String[9];
    final List<String> truncated = new ArrayList<>();
    String inputPreview;
    String outputPreview;
    long originalBytes;
    int redactions;
  }

  private static final String[] CONTENT_FIELDS = {"system_instructions", "input_messages",
      "output_messages", "tool_definitions", "tool_arguments", "tool_result", "retrieval_documents",
      "generic_input", "generic_output"};

  private StoredContent content(SpanContent c, Counter counter) {
    StoredContent out = new StoredContent();
    String[] raw = {c.systemInstructions(), c.inputMessages(), c.outputMessages(),
        c.toolDefinitions(), c.toolArguments(), c.toolResult(), c.retrievalDocuments(),
        c.genericInput(), c.genericOutput()};
    for (int i = 0; i < raw.length; i++) {
      String v = raw[i];
      if (v.isEmpty()) {
        out.fields[i] = "";
        continue;
      }
      out.originalBytes += FieldCap.utf8Length(v);
      RedactionResult r = redactor.redact(v);
      out.redactions += r.count();
      String redacted = r.text();
      if (cap.exceeds(redacted)) {
        redacted = cap.capJson(redacted);
        out.truncated.add(CONTENT_FIELDS[i]);
      }
      out.fields[i] = redacted;
    }
    counter.redactions += out.redactions;
    counter.truncated += out.truncated.size();
    out.inputPreview = text(c.inputPreview(), counter);
    out.outputPreview = text(c.outputPreview(), counter);
    return out;
  }

  private String text(String v, Counter counter) {
    if (v.isEmpty()) {
      return v;
    }
    RedactionResult r = redactor.redact(v);
    counter.redactions += r.count();
    String t = r.text();
    if (cap.exceeds(t)) {
      counter.truncated++;
      return cap.capText(t);
    }
    return t;
  }

  private Map<String, String> attributes(Map<String, String> attrs, Counter counter) {
    if (attrs.isEmpty()) {
      return attrs;
    }
    Map<String, String> out = new LinkedHashMap<>(attrs.size() * 2);
    for (Map.Entry<String, String> e : attrs.entrySet()) {
      out.put(e.getKey(), IDENTIFIER_KEYS.contains(e.getKey()) ? e.getValue() : text(e.getValue(), counter));
    }
    return out;
  }

  private List<SpanRow.Event> events(List<NormalizedEvent> events, Counter counter) {
    List<SpanRow.Event> out = new ArrayList<>(events.size());
    for (NormalizedEvent e : events) {
      out.add(new SpanRow.Event(instant(e.timeNanos()), e.name(), attributes(e.attributes(), counter)));
    }
    return out;
  }

  private static List<SpanRow.Link> links(List<NormalizedLink> links) {
    List<SpanRow.Link> out = new ArrayList<>(links.size());
    for (NormalizedLink l : links) {
      out.add(new SpanRow.Link(l.traceId(), l.spanId(), l.attributes()));
    }
    return out;
  }

  private LogEventRow logRow(String project, NormalizedLogEvent e, Instant now, Counter counter) {
    String message = e.message();
    if (!message.isEmpty()) {
      RedactionResult r = redactor.redact(message);
      counter.redactions += r.count();
      message = cap.exceeds(r.text()) ? cap.capJson(r.text()) : r.text();
    }
    return new LogEventRow(project, settings.contentRetentionDays(), e.traceId(), e.spanId(),
        e.eventId(), instant(e.timeNanos()), now, e.eventName(), e.serviceName(), message,
        attributes(e.attributes(), counter));
  }

  private static Instant instant(long epochNanos) {
    return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
        Math.floorMod(epochNanos, 1_000_000_000L));
  }

  private static final class Counter {
    int unpriced;
    int redactions;
    int truncated;
  }
}
