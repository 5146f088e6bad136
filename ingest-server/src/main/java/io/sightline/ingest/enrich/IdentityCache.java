package io.sightline.ingest.enrich;

import io.sightline.ingest.normalize.TraceIdentity.Identity;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Session and user ids seen per trace, remembered across export requests (bounded, least
 * recently used out), so spans of the trace that arrive later without the ids still get them.
 */
final class IdentityCache {
  private final Map<String, Identity> byTrace;

  IdentityCache(int maxTraces) {
    this.byTrace = new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Identity> eldest) {
        return size() > maxTraces;
      }
    };
  }

  /** Merges what a batch says with what earlier batches said; returns the merged view. */
  synchronized Map<String, Identity> merge(Map<String, Identity> fromBatch, Iterable<String> traceIds) {
    Map<String, Identity> out = new java.util.HashMap<>();
    for (String trace : traceIds) {
      Identity seen = byTrace.get(trace);
      Identity now = fromBatch.get(trace);
      Identity merged = now == null ? seen : seen == null ? now : now.orElse(seen);
      if (merged != null && !merged.isEmpty()) {
        out.put(trace, merged);
        byTrace.put(trace, merged);
      }
    }
    return out;
  }
}
