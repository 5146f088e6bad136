package io.sightline.clickhouse.remote;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach a ClickHouse server: endpoint URL ({@code http://host:8123} or
 * {@code https://host:8443}), credentials, database, optional cluster name (statements that
 * create objects run {@code ON CLUSTER}), TLS trust material and timeouts.
 */
public record RemoteConfig(
    String url,
    String user,
    String password,
    String database,
    String cluster,
    String trustStore,
    String trustStorePassword,
    String rootCertificate,
    Duration connectTimeout,
    Duration socketTimeout) {

  public RemoteConfig {
    Objects.requireNonNull(url, "url == null");
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      throw new IllegalArgumentException("ClickHouse URL must start with http:// or https://: " + url);
    }
    user = user == null || user.isBlank() ? "default" : user;
    password = password == null ? "" : password;
    database = database == null || database.isBlank() ? "sightline" : database;
    cluster = cluster == null || cluster.isBlank() ? null : cluster;
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
    socketTimeout = socketTimeout == null ? Duration.ofSeconds(60) : socketTimeout;
  }

  public static RemoteConfig of(String url, String user, String password, String database) {
    return new RemoteConfig(url, user, password, database, null, null, null, null, null, null);
  }

  @Override
  public String toString() {
    return "RemoteConfig[url=" + url + ", user=" + user + ", database=" + database
        + (cluster == null ? "" : ", cluster=" + cluster) + "]";
  }
}
