package io.sightline.query.graph;

import io.sightline.query.spans.Cost;
import io.sightline.query.spans.Span;
import io.sightline.query.spans.SpanTree;
import io.sightline.query.spans.SpanTree.Node;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who called whom: agents, tools, models and retrievers as nodes; an edge from the nearest
 * calling agent (or the {@code entry} node when no agent is above) to each call, with call and
 * error counts and latency.
 */
public final class AgentGraph {
  private AgentGraph() {}

  public record Graph(List<GraphNode> nodes, List<GraphEdge> edges) {}

  public record GraphNode(String id, String type, String name, long calls, long errors,
      double totalMs, double avgMs, long inputTokens, long outputTokens, BigDecimal costUsd) {}

  public record GraphEdge(String source, String target, long calls, long errors, double avgMs,
      double maxMs, double totalMs) {}

  private static final class Acc {
    final String id;
    final String type;
    final String name;
    long calls;
    long errors;
    double totalMs;
    double maxMs;
    long in;
    long out;
    Cost cost = Cost.NONE;

    Acc(String id, String type, String name) {
      this.id = id;
      this.type = type;
      this.name = name;
    }

    void add(Span s) {
      calls++;
      errors += s.isError() ? 1 : 0;
      totalMs += s.durationMillis();
      maxMs = Math.max(maxMs, s.durationMillis());
      if (!s.usageIsRollup()) {
        in += s.usage().inputTokens();
        out += s.usage().outputTokens();
      }
      cost = cost.plus(Cost.of(s));
    }
  }

  public static Graph of(SpanTree tree) {
    Map<String, Acc> nodes = new LinkedHashMap<>();
    Map<String, Acc> edges = new LinkedHashMap<>();
    nodes.put("entry", new Acc("entry", "entry", "entry"));
    for (Node n : tree.all()) {
      String[] id = nodeId(n.span());
      if (id == null) {
        continue;
      }
      nodes.computeIfAbsent(id[0], k -> new Acc(k, id[1], id[2])).add(n.span());
      String caller = "entry";
      for (Node a = n.parent(); a != null; a = a.parent()) {
        if (a.span().isAgentLike()) {
          caller = nodeId(a.span())[0];
          break;
        }
      }
      String from = caller;
      edges.computeIfAbsent(from + "\u0000" + id[0], k -> new Acc(from, "edge", id[0])).add(n.span());
    }
    nodes.get("entry").calls = tree.roots().size();
    List<GraphNode> nodeOut = new ArrayList<>();
    for (Acc a : nodes.values()) {
      nodeOut.add(new GraphNode(a.id, a.type, a.name, a.calls, a.errors, round(a.totalMs),
          a.calls == 0 ? 0 : round(a.totalMs / a.calls), a.in, a.out, a.cost.usd()));
    }
    List<GraphEdge> edgeOut = new ArrayList<>();
    for (Acc e : edges.values()) {
      edgeOut.add(new GraphEdge(e.id, e.name, e.calls, e.errors, round(e.totalMs / e.calls),
          round(e.maxMs), round(e.totalMs)));
    }
    edgeOut.sort(Comparator.comparing(GraphEdge::source).thenComparing(GraphEdge::target));
    return new Graph(nodeOut, edgeOut);
  }

  /** {id, type, name} of the graph node a span stands for, or null for spans that are not one. */
  static String[] nodeId(Span s) {
    return switch (s.obsType()) {
      case "agent", "workflow" -> {
        String name = !s.agentName().isEmpty() ? s.agentName() : s.name();
        yield new String[] {"agent:" + name, "agent", name};
      }
      case "tool" -> {
        String name = !s.toolName().isEmpty() ? s.toolName() : s.name();
        yield new String[] {"tool:" + name, "tool", name};
      }
      case "llm", "embedding" -> {
        String name = s.requestModel().isEmpty() ? s.model() : s.requestModel();
        name = name.isEmpty() ? s.name() : name;
        yield new String[] {"model:" + name, "model", name};
      }
      case "retriever", "reranker" -> new String[] {"retriever:" + s.name(), "retriever", s.name()};
      default -> null;
    };
  }

  static double round(double ms) {
    return Math.round(ms * 1000) / 1000.0;
  }
}
