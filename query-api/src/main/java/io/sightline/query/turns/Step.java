package io.sightline.query.turns;

import io.sightline.query.spans.ContentText.ToolCall;
import io.sightline.query.spans.Span;
import io.sightline.query.spans.SpanTree;
import java.util.List;

/**
 * One thing a turn did: an LLM call, tool call, retrieval, embedding, sub-agent (with its own
 * steps), guardrail or evaluator. A tool step knows the LLM step that requested it and how that
 * link was made ({@code tool_call_id} or {@code order}).
 */
public final class Step {
  private final String kind;
  private final SpanTree.Node node;
  private final List<Step> steps;
  private final List<ToolCall> toolCalls;
  private Step requestedBy;
  private String linkedBy;

  Step(String kind, SpanTree.Node node, List<Step> steps, List<ToolCall> toolCalls) {
    this.kind = kind;
    this.node = node;
    this.steps = steps;
    this.toolCalls = toolCalls;
  }

  public String kind() {
    return kind;
  }

  public SpanTree.Node node() {
    return node;
  }

  public Span span() {
    return node.span();
  }

  /** Nested steps of a sub-agent, workflow or a tool that itself calls models. */
  public List<Step> steps() {
    return steps;
  }

  /** For LLM steps: the tool calls its output asked for. */
  public List<ToolCall> toolCalls() {
    return toolCalls;
  }

  public Step requestedBy() {
    return requestedBy;
  }

  public String linkedBy() {
    return linkedBy;
  }

  void link(Step llm, String how) {
    this.requestedBy = llm;
    this.linkedBy = how;
  }
}
