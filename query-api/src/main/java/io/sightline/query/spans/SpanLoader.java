package io.sightline.query.spans;

import io.sightline.clickhouse.ClickHouseGateway;
import io.sightline.clickhouse.Statement;
import io.sightline.clickhouse.format.Row;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * Reads whole traces: bounds from {@code trace_index}, then deduplicated spans, their content and
 * their GenAI log records within those bounds, folded into {@link Span}s.
 */
public final class SpanLoader {
  private static final Executor READS = Executors.newVirtualThreadPerTaskExecutor();
  private final ClickHouseGateway gateway;
  private final int maxSpans;

  public SpanLoader(ClickHouseGateway gateway, int maxSpans) {
    this.gateway = gateway;
    this.maxSpans = maxSpans;
  }

  /** The spans read, in start order, and whether the per-read cap cut them short. */
  public record Loaded(List<Span> spans, boolean truncated) {}

  public Map<String, TraceBounds> bounds(String project, Collection<String> traceIds) {
    Map<String, TraceBounds> out = new HashMap<>();
    if (traceIds.isEmpty()) {
      return out;
    }
    for (Row r : gateway.query(Statement.load(SpanLoader.class, "trace_bounds")
        .bind("project", project).bind("trace_ids", List.copyOf(traceIds)))) {
      out.put(r.string("trace_id"), new TraceBounds(r.string("trace_id"), r.instant("start_time"),
          r.instant("end_time"), r.string("session_id"), r.string("user_id")));
    }
    return out;
  }

  /** How much of each span to read. */
  public enum Detail {
    /** Everything, raw attributes, events and links included. */
    FULL("spans"),
    /** The normalised fields and content, without raw attributes, events and links. */
    STEPS("spans_lean");

    final String statement;

    Detail(String statement) {
      this.statement = statement;
    }
  }

  /** Loads every span of {@code bounds}' traces with content folded in. */
  public Loaded load(String project, Collection<TraceBounds> bounds) {
    return load(project, bounds, Detail.FULL);
  }

  /** Loads the spans of {@code bounds}' traces at the given detail, with content folded in. */
  public Loaded load(String project, Collection<TraceBounds> bounds, Detail detail) {
    if (bounds.isEmpty()) {
      return new Loaded(List.of(), false);
    }
    List<String> ids = bounds.stream().map(TraceBounds::traceId).toList();
    Instant from = bounds.stream().map(TraceBounds::start).min(Instant::compareTo).orElseThrow();
    Instant to = bounds.stream().map(TraceBounds::end).max(Instant::compareTo).orElseThrow();
    // The three reads share nothing but their bounds: run them side by side.
    CompletableFuture<List<Row>> contentRows = CompletableFuture.supplyAsync(
        () -> gateway.query(scoped("span_content", project, ids, from, to)), READS);
    CompletableFuture<List<Row>> logRows = CompletableFuture.supplyAsync(
        () -> gateway.query(scoped("log_events", project, ids, from, to)), READS);
    List<Row> spanRows = gateway.query(scoped(detail.statement, project, ids, from, to)
        .bind("max_spans", maxSpans + 1));
    boolean truncated = spanRows.size() > maxSpans;
    Map<String, SpanContent> content = new HashMap<>();
    for (Row r : join(contentRows)) {
      content.put(key(r), content(r));
    }
    Map<String, LogFolder> logs = new HashMap<>();
    Set<Long> eventIds = new HashSet<>();
    for (Row r : join(logRows)) {
      if (eventIds.add(r.longValue("event_id"))) {
        logs.computeIfAbsent(key(r), k -> new LogFolder()).add(r);
      }
    }
    List<Span> spans = new ArrayList<>(Math.min(spanRows.size(), maxSpans));
    for (Row r : spanRows.subList(0, Math.min(spanRows.size(), maxSpans))) {
      Span s = span(r);
      SpanContent c = content.getOrDefault(key(r), SpanContent.EMPTY);
      LogFolder f = logs.get(key(r));
      List<Span.Event> events = s.events();
      if (f != null) {
        c = f.foldInto(c);
        events = f.withOtherEvents(events);
      }
      spans.add(s.withContent(c, events));
    }
    return new Loaded(List.copyOf(spans), truncated);
  }

  /**
   * The tree shape of the traces (ids, parents, types, times, status) with every other field
   * empty: enough to count turns without reading attributes or content.
   */
  public List<Span> skeletons(String project, Collection<TraceBounds> bounds) {
    if (bounds.isEmpty()) {
      return List.of();
    }
    List<String> ids = bounds.stream().map(TraceBounds::traceId).toList();
    Instant from = bounds.stream().map(TraceBounds::start).min(Instant::compareTo).orElseThrow();
    Instant to = bounds.stream().map(TraceBounds::end).max(Instant::compareTo).orElseThrow();
    List<Span> out = new ArrayList<>();
    for (Row r : gateway.query(scoped("span_skeletons", project, ids, from, to))) {
      out.add(new Span(r.string("trace_id"), r.string("span_id"), r.string("parent_span_id"),
          r.instant("start_time"), r.longValue("duration_ns"), r.string("span_name"), "",
          r.string("status_code"), "", "", "", "", "", "", r.string("obs_type"), "", "", "", "",
          "", "", "", "", "", "", "", "", "", List.of(), "", "", false, 0, Usage.ZERO, false,
          null, "", "", "", "", "", Map.of(), Map.of(), List.of(), List.of(), SpanContent.EMPTY));
    }
    return out;
  }

  /** Unwraps the failure of a side read so callers see the gateway's own exception. */
  private static List<Row> join(CompletableFuture<List<Row>> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  private static Statement scoped(String name, String project, List<String> ids, Instant from,
      Instant to) {
    return Statement.load(SpanLoader.class, name).bind("project", project)
        .bind("trace_ids", ids).bind("from", from).bind("to", to);
  }

  private static String key(Row r) {
    return r.string("trace_id") + "/" + r.string("span_id");
  }

  private static SpanContent content(Row r) {
    return new SpanContent(r.string("system_instructions"), r.string("input_messages"),
        r.string("output_messages"), r.string("tool_definitions"), r.string("tool_arguments"),
        r.string("tool_result"), r.string("retrieval_documents"), r.string("generic_input"),
        r.string("generic_output"), r.list("truncated_fields"), r.longValue("redaction_count"));
  }

  private static Span span(Row r) {
    List<Instant> times = r.list("event_times");
    List<String> names = r.list("event_names");
    List<Map<String, String>> attrs = r.list("event_attributes");
    List<Span.Event> events = new ArrayList<>(times.size());
    for (int i = 0; i < times.size(); i++) {
      events.add(new Span.Event(times.get(i), names.get(i), attrs.get(i), "span"));
    }
    List<String> linkTraces = r.list("link_trace_ids");
    List<String> linkSpans = r.list("link_span_ids");
    List<Map<String, String>> linkAttrs = r.list("link_attributes");
    List<Span.Link> links = new ArrayList<>(linkTraces.size());
    for (int i = 0; i < linkTraces.size(); i++) {
      links.add(new Span.Link(linkTraces.get(i), linkSpans.get(i), linkAttrs.get(i)));
    }
    BigDecimal cost = r.decimal("cost_usd");
    return new Span(r.string("trace_id"), r.string("span_id"), r.string("parent_span_id"),
        r.instant("start_time"), r.longValue("duration_ns"), r.string("span_name"),
        r.string("span_kind"), r.string("status_code"), r.string("status_message"),
        r.string("service_name"), r.string("service_version"), r.string("environment"),
        r.string("scope_name"), r.string("scope_version"), r.string("obs_type"),
        r.string("operation_name"), r.string("provider"), r.string("request_model"),
        r.string("response_model"), r.string("response_id"), r.string("agent_name"),
        r.string("agent_id"), r.string("tool_name"), r.string("tool_call_id"),
        r.string("session_id"), r.string("user_id"), r.string("prompt_name"),
        r.string("prompt_version"), List.copyOf(r.<String>list("finish_reasons")),
        r.string("error_type"), r.string("error_message"), r.bool("is_streaming"),
        r.longValue("ttft_ms"),
        new Usage(r.longValue("input_tokens"), r.longValue("output_tokens"),
            r.longValue("total_tokens"), r.longValue("cache_read_tokens"),
            r.longValue("cache_write_tokens"), r.longValue("reasoning_tokens")),
        r.bool("usage_is_rollup"), cost == null ? null : cost.stripTrailingZeros(),
        r.string("cost_source"), r.string("price_version"), r.string("input_preview"),
        r.string("output_preview"), r.string("semconv_source"), r.map("span_attributes"),
        r.map("resource_attributes"), List.copyOf(events), List.copyOf(links), SpanContent.EMPTY);
  }
}
