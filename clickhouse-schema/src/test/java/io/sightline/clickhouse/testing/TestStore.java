package io.sightline.clickhouse.testing;

import io.sightline.clickhouse.ClickHouseGateway;
import io.sightline.clickhouse.Gateways;
import io.sightline.clickhouse.StorageSettings;
import io.sightline.clickhouse.embedded.EmbeddedEngine;
import io.sightline.clickhouse.embedded.EmbeddedGateway;
import io.sightline.clickhouse.schema.MigrationRunner;
import io.sightline.clickhouse.schema.SchemaFlavour;
import io.sightline.config.Settings;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * Test access to the real embedded ClickHouse engine (never a mock). The engine runs once per
 * test JVM on {@code -Dsightline.test.data.dir} (Maven sets it under {@code target/}); each
 * caller gets its own database, so test classes never see each other's rows.
 */
public final class TestStore {
  private TestStore() {}

  /** Settings for tests: the environment, with the data directory pointed at the test one. */
  public static Settings settings() {
    return Settings.fromEnvironment().with(Map.of(StorageSettings.DATA_DIR.property(), dataDir().toString()));
  }

  public static Path dataDir() {
    return Path.of(System.getProperty("sightline.test.data.dir", "target/chdb-test-data"));
  }

  /** The engine, provisioning libchdb on first use. */
  public static EmbeddedEngine engine() {
    return Gateways.startEmbeddedEngine(settings(), System.err);
  }

  /** A gateway on a fresh, empty database named after {@code prefix}. */
  public static ClickHouseGateway emptyDatabase(String prefix) {
    return EmbeddedGateway.open(engine(), uniqueName(prefix), 4, false);
  }

  /** A gateway on a fresh database with every migration applied. */
  public static ClickHouseGateway migratedDatabase(String prefix) {
    ClickHouseGateway g = emptyDatabase(prefix);
    new MigrationRunner(g, SchemaFlavour.singleNode()).migrate();
    return g;
  }

  public static String uniqueName(String prefix) {
    return prefix.replaceAll("[^A-Za-z0-9_]", "_") + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }
}
