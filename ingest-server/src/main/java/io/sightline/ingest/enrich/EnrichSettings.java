package io.sightline.ingest.enrich;

import io.sightline.config.Setting;
import io.sightline.config.Settings;
import java.util.List;

/** What ingest adds and limits before storing: retention, content size caps, content storage. */
public record EnrichSettings(int retentionDays, int contentRetentionDays, int maxFieldBytes,
    boolean storeContent, int identityCacheTraces) {

  public static final Setting RETENTION_DAYS = Setting.of("sightline.retention.days", "30",
      "Days spans, traces, sessions and scores are kept.");
  public static final Setting CONTENT_RETENTION_DAYS = Setting.of("sightline.retention.content-days",
      "30", "Days prompt/completion content is kept (may be shorter than spans).");
  public static final Setting MAX_FIELD_BYTES = Setting.of("sightline.content.max-field-bytes",
      "64KiB", "Largest content field or attribute value stored; longer ones are cut with a marker and their original size recorded.");
  public static final Setting STORE_CONTENT = Setting.of("sightline.content.store", "true",
      "Store prompt/completion content at all (false keeps only metrics, tokens, costs and previews-free spans).");
  public static final Setting IDENTITY_CACHE = Setting.of("sightline.ingest.identity-cache.traces",
      "100000", "Traces whose session/user id is remembered, to apply it to spans of the trace that arrive later without it.");

  public static final List<Setting> ALL = List.of(RETENTION_DAYS, CONTENT_RETENTION_DAYS,
      MAX_FIELD_BYTES, STORE_CONTENT, IDENTITY_CACHE);

  public EnrichSettings {
    if (retentionDays < 1 || retentionDays > 65_535 || contentRetentionDays < 1
        || contentRetentionDays > 65_535) {
      throw new IllegalArgumentException("retention days must be 1..65535");
    }
    if (maxFieldBytes < 1024) {
      throw new IllegalArgumentException("setting " + MAX_FIELD_BYTES.property() + " must be at least 1KiB");
    }
  }

  public static EnrichSettings from(Settings s) {
    return new EnrichSettings(s.getInt(RETENTION_DAYS), s.getInt(CONTENT_RETENTION_DAYS),
        (int) Math.min(Integer.MAX_VALUE, s.getBytes(MAX_FIELD_BYTES)), s.getBoolean(STORE_CONTENT),
        s.getInt(IDENTITY_CACHE));
  }

  public static EnrichSettings defaults() {
    return from(Settings.of(java.util.Map.of()));
  }
}
