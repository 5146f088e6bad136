package io.sightline.ingest.metrics;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The ingest pipeline's self-metrics, exported in Prometheus text format at {@code GET /metrics}.
 * Ratios worth alerting on: {@code sightline_ingest_spans_rejected_total / _received_total}
 * (bad producers or overload, by reason), {@code sightline_ingest_queue_spans} near
 * {@code sightline_ingest_queue_capacity_spans} (the store cannot keep up), insert latency
 * rising, and {@code sightline_ingest_unpriced_spans_total} (models missing from the catalogue).
 */
public final class IngestMetrics {
  private static final double[] LATENCY_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
  private static final double[] SIZE_BUCKETS = {1, 10, 100, 1_000, 5_000, 10_000, 50_000, 100_000};

  private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
  private final Map<String, LongSupplier> gauges = new ConcurrentHashMap<>();
  private final Histogram insertSeconds = new Histogram(LATENCY_BUCKETS);
  private final Histogram batchSpans = new Histogram(SIZE_BUCKETS);
  private final Histogram exportSeconds = new Histogram(LATENCY_BUCKETS);

  private void add(String name, String labels, long n) {
    counters.computeIfAbsent(name + labels, k -> new LongAdder()).add(n);
  }

  /** Spans (or log records, for signal "logs") received, after decoding. */
  public void received(String signal, String transport, long n) {
    add("sightline_ingest_" + signal + "_received_total", "{transport=\"" + transport + "\"}", n);
  }

  public void accepted(String signal, long n) {
    add("sightline_ingest_" + signal + "_accepted_total", "", n);
  }

  /** Refused items by reason: invalid, overloaded, unauthenticated, store_unavailable, oversize. */
  public void rejected(String signal, String reason, long n) {
    add("sightline_ingest_" + signal + "_rejected_total", "{reason=\"" + reason + "\"}", n);
  }

  public void duplicateSpansDropped(long n) {
    add("sightline_ingest_duplicate_spans_dropped_total", "", n);
  }

  public void unpricedSpans(long n) {
    add("sightline_ingest_unpriced_spans_total", "", n);
  }

  public void redactions(long n) {
    add("sightline_ingest_redactions_total", "", n);
  }

  public void truncatedFields(long n) {
    add("sightline_ingest_truncated_fields_total", "", n);
  }

  public void request(String transport, String outcome) {
    add("sightline_ingest_requests_total", "{transport=\"" + transport + "\",outcome=\"" + outcome + "\"}", 1);
  }

  public void batchWritten(long spans, double seconds) {
    batchSpans.observe(spans);
    insertSeconds.observe(seconds);
  }

  public void exportLatency(double seconds) {
    exportSeconds.observe(seconds);
  }

  public void gauge(String name, LongSupplier value) {
    gauges.put(name, value);
  }

  public long counter(String nameWithLabels) {
    LongAdder a = counters.get(nameWithLabels);
    return a == null ? 0 : a.sum();
  }

  /** Prometheus text exposition format 0.0.4. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    new java.util.TreeMap<>(counters).forEach((k, v) -> {
      String name = k.contains("{") ? k.substring(0, k.indexOf('{')) : k;
      sb.append("# TYPE ").append(name).append(" counter\n").append(k).append(' ').append(v.sum()).append('\n');
    });
    new java.util.TreeMap<>(gauges).forEach((k, v) ->
        sb.append("# TYPE ").append(k).append(" gauge\n").append(k).append(' ').append(v.getAsLong()).append('\n'));
    insertSeconds.render(sb, "sightline_ingest_insert_seconds");
    batchSpans.render(sb, "sightline_ingest_batch_spans");
    exportSeconds.render(sb, "sightline_ingest_export_seconds");
    return sb.toString();
  }

  private static final class Histogram {
    private final double[] bounds;
    private final LongAdder[] buckets;
    private final LongAdder count = new LongAdder();
    private final java.util.concurrent.atomic.DoubleAdder sum = new java.util.concurrent.atomic.DoubleAdder();

    Histogram(double[] bounds) {
      this.bounds = bounds;
      this.buckets = new LongAdder[bounds.length];
      for (int i = 0; i < bounds.length; i++) {
        buckets[i] = new LongAdder();
      }
    }

    void observe(double v) {
      for (int i = 0; i < bounds.length; i++) {
        if (v <= bounds[i]) {
          buckets[i].increment();
          break;
        }
      }
      count.increment();
      sum.add(v);
    }

    void render(StringBuilder sb, String name) {
      sb.append("# TYPE ").append(name).append(" histogram\n");
      long cumulative = 0;
      for (int i = 0; i < bounds.length; i++) {
        cumulative += buckets[i].sum();
        sb.append(name).append("_bucket{le=\"").append(format(bounds[i])).append("\"} ")
            .append(cumulative).append('\n');
      }
      sb.append(name).append("_bucket{le=\"+Inf\"} ").append(count.sum()).append('\n');
      sb.append(name).append("_sum ").append(format(sum.sum())).append('\n');
      sb.append(name).append("_count ").append(count.sum()).append('\n');
    }

    private static String format(double d) {
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : String.format(Locale.ROOT, "%s", d);
    }
  }
}
