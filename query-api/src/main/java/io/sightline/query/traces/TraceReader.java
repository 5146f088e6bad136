package io.sightline.query.traces;

import io.sightline.query.internal.ApiException;
import io.sightline.query.spans.SpanLoader;
import io.sightline.query.spans.SpanTree;
import io.sightline.query.spans.TraceBounds;
import java.util.List;
import java.util.Map;

/** Loads one trace as a span tree, or fails with 404. */
public final class TraceReader {
  private final SpanLoader loader;

  public TraceReader(SpanLoader loader) {
    this.loader = loader;
  }

  /** The tree and whether the span cap cut it short. */
  public record Loaded(SpanTree tree, boolean truncated) {}

  public Loaded load(String project, String traceId) {
    Map<String, TraceBounds> bounds = loader.bounds(project, List.of(traceId));
    TraceBounds b = bounds.get(traceId);
    if (b == null) {
      throw ApiException.notFound("no trace " + traceId);
    }
    SpanLoader.Loaded loaded = loader.load(project, List.of(b));
    if (loaded.spans().isEmpty()) {
      throw ApiException.notFound("no trace " + traceId);
    }
    return new Loaded(SpanTree.of(loaded.spans()), loaded.truncated());
  }
}
