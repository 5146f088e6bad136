package io.sightline.query.traces;

import com.fasterxml.jackson.databind.JsonNode;
import io.sightline.query.internal.Json;
import io.sightline.query.spans.Span;
import io.sightline.query.spans.SpanContent;
import io.sightline.query.spans.SpanTree;
import io.sightline.query.spans.Usage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A span in the trace detail: every normalised field, raw attributes, content and roll-ups. */
record SpanView(
    String spanId, String parentSpanId, boolean orphan, int depth, String name, String kind,
    String type, String operation, Instant start, Instant end, double durationMs, String status,
    String statusMessage, String service, String serviceVersion, String environment,
    String scopeName, String scopeVersion, String provider, String requestModel,
    String responseModel, String responseId, String agentName, String agentId, String toolName,
    String toolCallId, String sessionId, String userId, String promptName, String promptVersion,
    List<String> finishReasons, String errorType, String errorMessage, boolean streaming,
    Long ttftMs, Usage usage, boolean usageIsRollup, BigDecimal costUsd, String costSource,
    String priceVersion, String semconvSource, String inputPreview, String outputPreview,
    Content content, List<Span.Event> events, List<Span.Link> links,
    Map<String, String> attributes, Map<String, String> resourceAttributes, Subtree subtree,
    List<SpanView> children) {

  /** Full content, parsed where it is JSON. */
  record Content(JsonNode systemInstructions, JsonNode inputMessages, JsonNode outputMessages,
      JsonNode toolDefinitions, JsonNode toolArguments, JsonNode toolResult,
      JsonNode retrievalDocuments, JsonNode genericInput, JsonNode genericOutput,
      List<String> truncatedFields, long redactionCount) {

    static Content of(SpanContent c) {
      if (c.isEmpty()) {
        return null;
      }
      return new Content(Json.parseLenient(c.systemInstructions()),
          Json.parseLenient(c.inputMessages()), Json.parseLenient(c.outputMessages()),
          Json.parseLenient(c.toolDefinitions()), Json.parseLenient(c.toolArguments()),
          Json.parseLenient(c.toolResult()), Json.parseLenient(c.retrievalDocuments()),
          Json.parseLenient(c.genericInput()), Json.parseLenient(c.genericOutput()),
          c.truncatedFields(), c.redactionCount());
    }
  }

  /** Totals of this span and everything below it (roll-up copies of usage not counted). */
  record Subtree(int spanCount, int errorCount, Usage usage, BigDecimal costUsd,
      long unpricedCalls) {

    static Subtree of(SpanTree.Rollup r) {
      return new Subtree(r.spanCount(), r.errorCount(), r.usage(), r.cost().usd(),
          r.cost().unpricedCalls());
    }
  }

  static SpanView of(SpanTree.Node n) {
    Span s = n.span();
    return new SpanView(s.spanId(), s.parentSpanId().isEmpty() ? null : s.parentSpanId(),
        n.orphan(), n.depth(), s.name(), s.kind(), s.obsType(), s.operation(), s.start(), s.end(),
        s.durationMillis(), s.status(), s.statusMessage(), s.service(), s.serviceVersion(),
        s.environment(), s.scopeName(), s.scopeVersion(), s.provider(), s.requestModel(),
        s.responseModel(), s.responseId(), s.agentName(), s.agentId(), s.toolName(),
        s.toolCallId(), s.sessionId(), s.userId(), s.promptName(), s.promptVersion(),
        s.finishReasons(), s.errorType(), s.errorMessage(), s.streaming(),
        s.ttftMillis() > 0 ? s.ttftMillis() : null, s.usage(), s.usageIsRollup(), s.costUsd(),
        s.costSource(), s.priceVersion(), s.semconvSource(), s.inputPreview(), s.outputPreview(),
        Content.of(s.content()), s.events(), s.links(), s.attributes(), s.resourceAttributes(),
        Subtree.of(n.rollup()), n.children().stream().map(SpanView::of).toList());
  }
}
