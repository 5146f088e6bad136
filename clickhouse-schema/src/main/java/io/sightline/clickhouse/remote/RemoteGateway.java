package io.sightline.clickhouse.remote;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.ServerException;
import com.clickhouse.client.api.insert.InsertSettings;
import com.clickhouse.client.api.query.QueryResponse;
import com.clickhouse.client.api.query.QuerySettings;
import com.clickhouse.data.ClickHouseFormat;
import io.sightline.clickhouse.ClickHouseException;
import io.sightline.clickhouse.ClickHouseGateway;
import io.sightline.clickhouse.Statement;
import io.sightline.clickhouse.format.InsertBatch;
import io.sightline.clickhouse.format.Row;
import io.sightline.clickhouse.format.RowBinaryReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * The gateway over a ClickHouse server or cluster, through the official HTTP client
 * ({@code com.clickhouse:client-v2}). Like the embedded gateway it moves bytes only: queries
 * return RowBinaryWithNamesAndTypes decoded by shared code, inserts send the same encoded
 * batches, and parameters travel as {@code param_<name>} values, never inside the SQL text.
 */
public final class RemoteGateway implements ClickHouseGateway {
  private static final Pattern DATABASE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Client client;
  private final RemoteConfig config;
  private final String serverVersion;
  private final boolean modernServer;

  private RemoteGateway(Client client, RemoteConfig config) {
    this.client = client;
    this.config = config;
    // Asked in plain text in the default database, so any server version can answer.
    this.serverVersion = versionOf(client, config);
    // Servers from 21.x know log_comment (statements carry their name) and the insert settings.
    this.modernServer = Integer.parseInt(serverVersion.split("\\.")[0]) >= 21;
  }

  /** Connects, checks the credentials and creates the configured database if it is missing. */
  public static RemoteGateway open(RemoteConfig config) {
    if (!DATABASE.matcher(config.database()).matches()) {
      throw new IllegalArgumentException("invalid database name: " + config.database());
    }
    Client.Builder b = new Client.Builder()
        .addEndpoint(config.url())
        .setUsername(config.user())
        .setPassword(config.password())
        .setConnectTimeout(config.connectTimeout().toMillis(), ChronoUnit.MILLIS)
        .setSocketTimeout(config.socketTimeout().toMillis(), ChronoUnit.MILLIS)
        .setDefaultDatabase("default")
        .setClientName("sightline")
        .compressServerResponse(false)
        .setMaxRetries(0); // the ingest pipeline decides about retries
    if (config.trustStore() != null) {
      b.setSSLTrustStore(config.trustStore());
      if (config.trustStorePassword() != null) {
        b.setSSLTrustStorePassword(config.trustStorePassword());
      }
    }
    if (config.rootCertificate() != null) {
      b.setRootCertificate(config.rootCertificate());
    }
    Client client = b.build();
    try {
      RemoteGateway gateway = new RemoteGateway(client, config);
      String onCluster = config.cluster() == null ? "" : " ON CLUSTER `" + config.cluster() + "`";
      gateway.run(Statement.of("create_database",
          "CREATE DATABASE IF NOT EXISTS `" + config.database() + "`" + onCluster), "default",
          ClickHouseFormat.TabSeparated).close();
      return gateway;
    } catch (RuntimeException | Error e) {
      client.close();
      throw e;
    } catch (Exception e) {
      client.close();
      throw new ClickHouseException(0, "", "cannot connect to " + config.url() + ": " + e, "", "", e);
    }
  }

  @Override
  public void execute(Statement statement) {
    try (QueryResponse r = run(statement, config.database(), ClickHouseFormat.TabSeparated)) {
      r.getInputStream().transferTo(OutputStream.nullOutputStream());
    } catch (ClickHouseException e) {
      throw e;
    } catch (Exception e) {
      throw wrap(e, statement);
    }
  }

  @Override
  public List<Row> query(Statement statement) {
    try (QueryResponse r = run(statement, config.database(),
        ClickHouseFormat.RowBinaryWithNamesAndTypes)) {
      return RowBinaryReader.decode(r.getInputStream().readAllBytes());
    } catch (ClickHouseException e) {
      throw e;
    } catch (Exception e) {
      throw wrap(e, statement);
    }
  }

  @Override
  public void stream(Statement statement, String format, OutputStream sink) {
    ClickHouseFormat f;
    try {
      f = ClickHouseFormat.valueOf(format);
    } catch (IllegalArgumentException e) {
      throw new ClickHouseException(73, "UNKNOWN_FORMAT", "unknown format " + format,
          statement.name(), statement.sql(), e);
    }
    try (QueryResponse r = run(statement, config.database(), f)) {
      r.getInputStream().transferTo(sink);
    } catch (ClickHouseException e) {
      throw e;
    } catch (Exception e) {
      throw wrap(e, statement);
    }
  }

  @Override
  public void insert(InsertBatch batch) {
    InsertSettings settings = new InsertSettings().setDatabase(config.database());
    if (modernServer) {
      InsertBatch.SETTINGS.forEach(settings::serverSetting);
      settings.logComment("insert_" + batch.table());
    }
    ClickHouseFormat format = ClickHouseFormat.valueOf(batch.format().clickHouseName());
    InputStream data = new ByteArrayInputStream(batch.data());
    try {
      client.insert(batch.table(), batch.columnNames(), data, format, settings)
          .get(config.socketTimeout().toMillis(), TimeUnit.MILLISECONDS).close();
    } catch (Exception e) {
      throw wrap(e, Statement.of("insert_" + batch.table(), batch.insertSql()));
    }
  }

  @Override
  public String database() {
    return config.database();
  }

  @Override
  public String serverVersion() {
    return serverVersion;
  }

  @Override
  public String mode() {
    return "remote";
  }

  @Override
  public void close() {
    client.close();
  }

  private static String versionOf(Client client, RemoteConfig config) {
    Statement st = Statement.of("server_version", "SELECT version()");
    QuerySettings settings = new QuerySettings().setFormat(ClickHouseFormat.TabSeparated)
        .setDatabase("default");
    try (QueryResponse r = client.query(st.sql(), settings)
        .get(config.socketTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
      return new String(r.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
    } catch (Exception e) {
      throw wrap(e, st);
    }
  }

  private QueryResponse run(Statement st, String database, ClickHouseFormat format) {
    QuerySettings settings = new QuerySettings().setFormat(format).setDatabase(database);
    if (modernServer) {
      settings.logComment(st.name());
    }
    Map<String, Object> params = new HashMap<>(st.encodedParams());
    try {
      return (params.isEmpty() ? client.query(st.sql(), settings) : client.query(st.sql(), params, settings))
          .get(config.socketTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw wrap(e, st);
    }
  }

  private static ClickHouseException wrap(Exception e, Statement st) {
    String name = st.name();
    String sql = st.sql();
    Throwable t = e;
    while ((t instanceof ExecutionException || t instanceof java.util.concurrent.CompletionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof ClickHouseException c) {
      return c;
    }
    if (t instanceof ServerException s) {
      ClickHouseException parsed = ClickHouseException.fromServerMessage(s.getMessage(), st);
      // Older servers send no X-ClickHouse-Exception-Code header: read the code from the text.
      int code = s.getCode() > 0 ? s.getCode() : parsed.code();
      return new ClickHouseException(code, parsed.errorName(), parsed.serverMessage(), name, sql, s);
    }
    if (t instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    String what = t instanceof TimeoutException ? "timed out" : String.valueOf(t.getMessage());
    return new ClickHouseException(0, "", "ClickHouse unreachable or failed: " + what, name, sql, t);
  }
}
