package io.sightline.query.testing;

import io.sightline.clickhouse.tables.SpanContentRow;
import io.sightline.clickhouse.tables.SpanRow;
import io.sightline.query.spans.Span;
import io.sightline.query.spans.SpanContent;
import io.sightline.query.spans.Usage;
import java.util.List;

/** Turns the row types tests write into the query side's {@link Span}, for pure unit tests. */
public final class TestSpans {
  private TestSpans() {}

  public static Span of(SpanRow r, SpanContentRow c) {
    SpanContent content = c == null ? SpanContent.EMPTY : new SpanContent(
        n(c.systemInstructions()), n(c.inputMessages()), n(c.outputMessages()),
        n(c.toolDefinitions()), n(c.toolArguments()), n(c.toolResult()),
        n(c.retrievalDocuments()), n(c.genericInput()), n(c.genericOutput()), c.truncatedFields(),
        c.redactionCount());
    return new Span(r.traceId(), r.spanId(), r.parentSpanId(), r.startTime(), r.durationNanos(),
        r.spanName(), r.spanKind(), r.statusCode(), r.statusMessage(), r.serviceName(),
        r.serviceVersion(), r.environment(), r.scopeName(), r.scopeVersion(), r.obsType(),
        r.operationName(), r.provider(), r.requestModel(), r.responseModel(), r.responseId(),
        r.agentName(), r.agentId(), r.toolName(), r.toolCallId(), r.sessionId(), r.userId(),
        r.promptName(), r.promptVersion(), r.finishReasons(), r.errorType(), r.errorMessage(),
        r.streaming(), r.ttftMillis(), new Usage(r.inputTokens(), r.outputTokens(),
            r.totalTokens(), r.cacheReadTokens(), r.cacheWriteTokens(), r.reasoningTokens()),
        r.usageIsRollup(), r.costUsd(), r.costSource(), r.priceVersion(), r.inputPreview(),
        r.outputPreview(), r.semconvSource(), r.spanAttributes(), r.resourceAttributes(),
        r.events().stream().map(e -> new Span.Event(e.time(), e.name(), e.attributes(), "span")).toList(),
        r.links().stream().map(l -> new Span.Link(l.traceId(), l.spanId(), l.attributes())).toList(),
        content);
  }

  public static List<Span> of(Scenario s) {
    return s.spans().stream().map(r -> of(r, s.content(r.traceId(), r.spanId()))).toList();
  }

  private static String n(String s) {
    return s == null ? "" : s;
  }
}
