package io.sightline.clickhouse;

import io.sightline.clickhouse.embedded.ChdbProvisioner;
import io.sightline.clickhouse.embedded.EmbeddedEngine;
import io.sightline.clickhouse.embedded.EmbeddedGateway;
import io.sightline.clickhouse.remote.RemoteConfig;
import io.sightline.clickhouse.remote.RemoteGateway;
import io.sightline.config.Settings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/** Opens the gateway the settings ask for: remote when a URL is set, else embedded. */
public final class Gateways {
  private Gateways() {}

  /**
   * Opens the store for a long-running process: an embedded gateway holds the engine at JVM exit
   * until the process closes it (after draining what it still has to write).
   */
  public static ClickHouseGateway open(Settings settings, PrintStream progress) {
    String url = settings.get(StorageSettings.CLICKHOUSE_URL);
    String database = settings.get(StorageSettings.CLICKHOUSE_DATABASE);
    if (url != null) {
      return RemoteGateway.open(new RemoteConfig(url,
          settings.get(StorageSettings.CLICKHOUSE_USER),
          settings.get(StorageSettings.CLICKHOUSE_PASSWORD),
          database,
          settings.get(StorageSettings.CLICKHOUSE_CLUSTER),
          settings.get(StorageSettings.CLICKHOUSE_TRUSTSTORE),
          settings.get(StorageSettings.CLICKHOUSE_TRUSTSTORE_PASSWORD),
          settings.get(StorageSettings.CLICKHOUSE_ROOT_CERT),
          Duration.ofMillis(settings.getMillis(StorageSettings.CLICKHOUSE_CONNECT_TIMEOUT)),
          Duration.ofMillis(settings.getMillis(StorageSettings.CLICKHOUSE_SOCKET_TIMEOUT))));
    }
    return EmbeddedGateway.open(startEmbeddedEngine(settings, progress), database,
        settings.getInt(StorageSettings.CHDB_POOL_SIZE), true);
  }

  /** Provisions libchdb if needed and starts (or joins) the engine on the configured data dir. */
  public static EmbeddedEngine startEmbeddedEngine(Settings settings, PrintStream progress) {
    String cache = settings.get(StorageSettings.CACHE_DIR);
    Path library = ChdbProvisioner.locate(settings.get(StorageSettings.CHDB_LIB),
        cache == null ? ChdbProvisioner.defaultCacheRoot() : Path.of(cache), progress);
    return EmbeddedEngine.start(library, Path.of(settings.get(StorageSettings.DATA_DIR)));
  }
}
