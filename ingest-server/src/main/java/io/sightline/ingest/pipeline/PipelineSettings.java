package io.sightline.ingest.pipeline;

import io.sightline.clickhouse.format.InsertFormat;
import io.sightline.config.Setting;
import io.sightline.config.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** How accepted spans are queued and written. */
public record PipelineSettings(
    int batchMaxSpans,
    Duration batchMaxDelay,
    int queueMaxSpans,
    long queueMaxBytes,
    int writers,
    int dedupCapacity,
    InsertFormat insertFormat,
    Duration retryAfter,
    int insertAttempts) {

  public static final Setting BATCH_MAX_SPANS = Setting.of("sightline.ingest.batch.max-spans", "20000",
      "A write batch is sent when it holds this many spans...");
  public static final Setting BATCH_MAX_DELAY = Setting.of("sightline.ingest.batch.max-delay", "200ms",
      "...or when its first span has waited this long.");
  public static final Setting QUEUE_MAX_SPANS = Setting.of("sightline.ingest.queue.max-spans", "200000",
      "Spans accepted but not yet written, at most; beyond it exports get RESOURCE_EXHAUSTED / 429.");
  public static final Setting QUEUE_MAX_BYTES = Setting.of("sightline.ingest.queue.max-bytes", "256MiB",
      "Encoded bytes accepted but not yet written, at most (bounds memory under any load).");
  public static final Setting WRITERS = Setting.of("sightline.ingest.writers", "2",
      "Threads writing batches to ClickHouse in parallel.");
  public static final Setting DEDUP_CAPACITY = Setting.of("sightline.ingest.dedup.capacity", "2000000",
      "Recently written span keys remembered so re-sent spans are not counted twice (16-24 bytes each).");
  public static final Setting INSERT_FORMAT = Setting.of("sightline.ingest.insert-format", "native",
      "Binary insert format: native or rowbinary (see docs/performance.md).");
  public static final Setting RETRY_AFTER = Setting.of("sightline.ingest.retry-after", "5s",
      "Back-off advised to clients refused for overload or store unavailability.");
  public static final Setting INSERT_ATTEMPTS = Setting.of("sightline.ingest.insert-attempts", "3",
      "Attempts per batch when ClickHouse fails transiently, before exports get UNAVAILABLE / 503.");

  public static final List<Setting> ALL = List.of(BATCH_MAX_SPANS, BATCH_MAX_DELAY, QUEUE_MAX_SPANS,
      QUEUE_MAX_BYTES, WRITERS, DEDUP_CAPACITY, INSERT_FORMAT, RETRY_AFTER, INSERT_ATTEMPTS);

  public PipelineSettings {
    if (batchMaxSpans < 1 || queueMaxSpans < batchMaxSpans || writers < 1 || insertAttempts < 1) {
      throw new IllegalArgumentException("invalid pipeline settings: batch " + batchMaxSpans
          + ", queue " + queueMaxSpans + ", writers " + writers + ", attempts " + insertAttempts);
    }
  }

  public static PipelineSettings from(Settings s) {
    String format = s.get(INSERT_FORMAT).toLowerCase(Locale.ROOT);
    InsertFormat f = switch (format) {
      case "native" -> InsertFormat.NATIVE;
      case "rowbinary", "row_binary" -> InsertFormat.ROW_BINARY;
      default -> throw new IllegalArgumentException("setting " + INSERT_FORMAT.property()
          + " must be native or rowbinary, not " + format);
    };
    return new PipelineSettings(s.getInt(BATCH_MAX_SPANS), Duration.ofMillis(s.getMillis(BATCH_MAX_DELAY)),
        s.getInt(QUEUE_MAX_SPANS), s.getBytes(QUEUE_MAX_BYTES), s.getInt(WRITERS),
        s.getInt(DEDUP_CAPACITY), f, Duration.ofMillis(s.getMillis(RETRY_AFTER)), s.getInt(INSERT_ATTEMPTS));
  }

  public static PipelineSettings defaults() {
    return from(Settings.of(java.util.Map.of()));
  }
}
