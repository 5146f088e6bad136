package io.sightline.clickhouse;

import io.sightline.config.Setting;
import java.util.List;

/** Settings that choose and reach the ClickHouse store. */
public final class StorageSettings {
  public static final Setting CLICKHOUSE_URL = Setting.of("sightline.clickhouse.url", null,
      "ClickHouse server URL (http://host:8123 or https://host:8443). Unset: run the embedded engine.");
  public static final Setting CLICKHOUSE_USER = Setting.of("sightline.clickhouse.user", "default",
      "ClickHouse user (server mode).");
  public static final Setting CLICKHOUSE_PASSWORD = Setting.of("sightline.clickhouse.password", "",
      "ClickHouse password (server mode).");
  public static final Setting CLICKHOUSE_DATABASE = Setting.of("sightline.clickhouse.database",
      "sightline", "Database holding Sightline's tables (created if missing).");
  public static final Setting CLICKHOUSE_CLUSTER = Setting.of("sightline.clickhouse.cluster", null,
      "Cluster name: apply the cluster schema flavour (Replicated tables behind Distributed ones, ON CLUSTER DDL).");
  public static final Setting CLICKHOUSE_TRUSTSTORE = Setting.of("sightline.clickhouse.truststore",
      null, "Trust store for TLS to ClickHouse (https URLs), when the JVM's default trust is not enough.");
  public static final Setting CLICKHOUSE_TRUSTSTORE_PASSWORD = Setting.of(
      "sightline.clickhouse.truststore-password", null, "Password of the trust store.");
  public static final Setting CLICKHOUSE_ROOT_CERT = Setting.of("sightline.clickhouse.root-cert",
      null, "PEM root certificate to trust for TLS to ClickHouse.");
  public static final Setting CLICKHOUSE_CONNECT_TIMEOUT = Setting.of(
      "sightline.clickhouse.connect-timeout", "10s", "Timeout for connecting to ClickHouse.");
  public static final Setting CLICKHOUSE_SOCKET_TIMEOUT = Setting.of(
      "sightline.clickhouse.socket-timeout", "60s", "Timeout for one ClickHouse statement over HTTP.");
  public static final Setting DATA_DIR = Setting.of("sightline.data.dir", "./data",
      "Directory of the embedded engine's data; a restart finds everything written there.");
  public static final Setting CHDB_LIB = Setting.of("sightline.chdb.lib", null,
      "Path of an installed libchdb to use instead of the one Sightline provisions.");
  public static final Setting CACHE_DIR = Setting.of("sightline.cache.dir", null,
      "Where provisioned libchdb is cached. Default: $XDG_CACHE_HOME/sightline or ~/.cache/sightline.");
  public static final Setting CHDB_POOL_SIZE = Setting.of("sightline.chdb.pool-size", "4",
      "Connections the embedded gateway keeps; each runs one statement at a time.");

  public static final List<Setting> ALL = List.of(CLICKHOUSE_URL, CLICKHOUSE_USER,
      CLICKHOUSE_PASSWORD, CLICKHOUSE_DATABASE, CLICKHOUSE_CLUSTER, CLICKHOUSE_TRUSTSTORE,
      CLICKHOUSE_TRUSTSTORE_PASSWORD, CLICKHOUSE_ROOT_CERT, CLICKHOUSE_CONNECT_TIMEOUT,
      CLICKHOUSE_SOCKET_TIMEOUT, DATA_DIR, CHDB_LIB, CACHE_DIR, CHDB_POOL_SIZE);

  private StorageSettings() {}
}
