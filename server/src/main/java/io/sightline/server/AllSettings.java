package io.sightline.server;

import io.sightline.auth.ApiKeys;
import io.sightline.clickhouse.StorageSettings;
import io.sightline.config.Setting;
import io.sightline.ingest.IngestServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every setting of the all-in-one process, by group: the source of --help and docs/configuration.md. */
final class AllSettings {
  private AllSettings() {}

  static Map<String, List<Setting>> byGroup() {
    Map<String, List<Setting>> groups = new LinkedHashMap<>();
    groups.put("Server", ServerSettings.ALL);
    groups.put("Storage (ClickHouse)", StorageSettings.ALL);
    groups.put("Projects and API keys", List.of(ApiKeys.API_KEYS));
    groups.put("Ingest (OTLP receivers, pipeline, enrichment, pricing, redaction)", IngestServer.settings());
    return groups;
  }

  static List<Setting> all() {
    List<Setting> out = new ArrayList<>();
    byGroup().values().forEach(out::addAll);
    return out;
  }
}
