package io.sightline.query.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sightline.clickhouse.ClickHouseGateway;
import io.sightline.clickhouse.format.InsertFormat;
import io.sightline.clickhouse.tables.LogEventRow;
import io.sightline.clickhouse.tables.LogEventsTable;
import io.sightline.clickhouse.tables.SpanContentRow;
import io.sightline.clickhouse.tables.SpanContentTable;
import io.sightline.clickhouse.tables.SpanRow;
import io.sightline.clickhouse.tables.SpansTable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-made telemetry as ingest writes it: spans, span content and GenAI log records, with
 * helpers for the usual agent shapes and for canonical message JSON. Tests insert it through the
 * real table encoders into the embedded engine.
 */
public final class Scenario {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  final String project;
  final Instant t0;
  private final List<SpanRow> spans = new ArrayList<>();
  private final Map<String, SpanContentRow> content = new HashMap<>();
  private final List<LogEventRow> logs = new ArrayList<>();

  public Scenario(String project, Instant t0) {
    this.project = project;
    this.t0 = t0;
  }

  public List<SpanRow> spans() {
    return spans;
  }

  public SpanContentRow content(String trace, String span) {
    return content.get(trace + "/" + span);
  }

  public void insert(ClickHouseGateway g) {
    g.insert(SpansTable.batch(spans, InsertFormat.NATIVE));
    if (!content.isEmpty()) {
      g.insert(SpanContentTable.batch(List.copyOf(content.values()), InsertFormat.NATIVE));
    }
    if (!logs.isEmpty()) {
      g.insert(LogEventsTable.batch(logs, InsertFormat.NATIVE));
    }
  }

  /** A span starting {@code startMs} after t0, with the service identity every span carries. */
  public SpanRow.Builder span(String trace, String id, String parent, long startMs, long durMs,
      String name) {
    return SpanRow.builder().projectId(project).traceId(trace).spanId(id)
        .parentSpanId(parent == null ? "" : parent).startTime(t0.plusMillis(startMs))
        .durationNanos(durMs * 1_000_000L).spanName(name).serviceName("support-bot")
        .serviceVersion("1.4.2").environment("prod").statusCode("ok").spanKind("internal")
        .ingestedAt(t0.plusSeconds(3600));
  }

  public SpanRow.Builder agent(String trace, String id, String parent, long startMs, long durMs,
      String agent) {
    return span(trace, id, parent, startMs, durMs, "invoke_agent " + agent).obsType("agent")
        .operationName("invoke_agent").agentName(agent).usageIsRollup(true);
  }

  public SpanRow.Builder llm(String trace, String id, String parent, long startMs, long durMs,
      long in, long out, String cost, String finish) {
    return span(trace, id, parent, startMs, durMs, "chat gpt-4o-mini").obsType("llm")
        .operationName("chat").provider("openai").requestModel("gpt-4o-mini")
        .responseModel("gpt-4o-mini-2024-07-18").spanKind("client").inputTokens(in)
        .outputTokens(out).totalTokens(in + out)
        .costUsd(cost == null ? null : new BigDecimal(cost))
        .costSource(cost == null ? "none" : "computed")
        .finishReasons(finish == null ? List.of() : List.of(finish));
  }

  public SpanRow.Builder tool(String trace, String id, String parent, long startMs, long durMs,
      String tool, String callId) {
    return span(trace, id, parent, startMs, durMs, "execute_tool " + tool).obsType("tool")
        .operationName("execute_tool").toolName(tool).toolCallId(callId == null ? "" : callId);
  }

  public SpanRow add(SpanRow.Builder b) {
    SpanRow r = b.build();
    spans.add(r);
    return r;
  }

  public void content(SpanRow r, String input, String output, String toolArgs, String toolResult,
      String docs) {
    content.put(r.traceId() + "/" + r.spanId(), new SpanContentRow(project, 30, r.traceId(),
        r.spanId(), r.startTime(), r.ingestedAt(), "", n(input), n(output), "", n(toolArgs),
        n(toolResult), n(docs), "", "", List.of(), 0, 0));
  }

  public void log(SpanRow r, long eventId, String eventName, String message) {
    logs.add(new LogEventRow(project, 30, r.traceId(), r.spanId(), eventId,
        r.startTime().plusMillis(eventId), r.ingestedAt(), eventName, r.serviceName(), message,
        Map.of()));
  }

  private static String n(String s) {
    return s == null ? "" : s;
  }

  /** {@code [{"role":"user","parts":[{"type":"text","content":text}]}]} */
  public static String userMessages(String... texts) {
    ArrayNode a = F.arrayNode();
    for (String t : texts) {
      ObjectNode m = a.addObject().put("role", "user");
      m.putArray("parts").addObject().put("type", "text").put("content", t);
    }
    return a.toString();
  }

  /** One assistant output message with text and/or tool calls ({id, name, argumentsJson} triples). */
  public static String answer(String text, String finish, String... calls) {
    ArrayNode a = F.arrayNode();
    ObjectNode m = a.addObject().put("role", "assistant");
    ArrayNode parts = m.putArray("parts");
    if (text != null) {
      parts.addObject().put("type", "text").put("content", text);
    }
    for (int i = 0; i < calls.length; i += 3) {
      parts.addObject().put("type", "tool_call").put("id", calls[i]).put("name", calls[i + 1])
          .put("arguments", calls[i + 2]);
    }
    m.put("finish_reason", finish);
    return a.toString();
  }
}
