package io.sightline.query.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import io.sightline.query.internal.Json;
import io.sightline.query.spans.ContentText;
import io.sightline.query.spans.Span;
import io.sightline.query.spans.Usage;
import io.sightline.query.turns.Step;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One step of a turn as the API shows it. Fields that do not apply to the step's kind are null:
 * model fields for LLM and embedding calls, tool fields for tool calls, documents for retrievals,
 * nested steps for sub-agents, workflows and tools that call models.
 */
record StepView(String kind, String traceId, String spanId, String parentSpanId, String name,
    Instant start, Instant end, double latencyMs, String status, String errorType,
    String errorMessage, String agentName, String provider, String model, String responseModel,
    Usage usage, BigDecimal costUsd, Long ttftMs, Boolean streaming, List<String> finishReasons,
    String input, String output, List<ContentText.ToolCall> toolCalls, String toolName,
    String toolCallId, JsonNode arguments, JsonNode result, RequestedBy requestedBy,
    JsonNode documents, List<StepView> steps) {

  /** The LLM step whose output asked for this tool call, and how the link was made. */
  record RequestedBy(String spanId, String linkedBy) {}

  static StepView of(Step step) {
    Span s = step.span();
    String kind = step.kind();
    boolean model = kind.equals("llm") || kind.equals("embedding");
    boolean tool = kind.equals("tool");
    String error = s.errorMessage().isEmpty() ? s.statusMessage() : s.errorMessage();
    return new StepView(kind, s.traceId(), s.spanId(),
        s.parentSpanId().isEmpty() ? null : s.parentSpanId(), s.name(), s.start(), s.end(),
        s.durationMillis(), s.status(), emptyToNull(s.errorType()),
        s.isError() || !error.isEmpty() ? emptyToNull(error) : null,
        emptyToNull(s.agentName()), model ? s.provider() : null, model ? s.requestModel() : null,
        model ? s.responseModel() : null, s.usageIsRollup() ? Usage.ZERO : s.usage(),
        s.usageIsRollup() ? null : s.costUsd(),
        model && s.ttftMillis() > 0 ? s.ttftMillis() : null, model ? s.streaming() : null,
        model ? s.finishReasons() : null,
        tool ? null : emptyToNull(ContentText.input(s)),
        tool ? null : emptyToNull(ContentText.output(s)),
        kind.equals("llm") ? step.toolCalls() : null,
        tool ? s.toolName() : null, tool ? emptyToNull(s.toolCallId()) : null,
        tool ? Json.parseLenient(s.content().toolArguments().isEmpty()
            ? s.inputPreview() : s.content().toolArguments()) : null,
        tool ? Json.parseLenient(s.content().toolResult().isEmpty()
            ? s.outputPreview() : s.content().toolResult()) : null,
        step.requestedBy() == null ? null
            : new RequestedBy(step.requestedBy().span().spanId(), step.linkedBy()),
        kind.equals("retrieval") ? Json.parseLenient(s.content().retrievalDocuments()) : null,
        step.steps().stream().map(StepView::of).toList());
  }

  static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
