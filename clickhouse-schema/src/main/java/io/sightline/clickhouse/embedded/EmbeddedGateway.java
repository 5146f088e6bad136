package io.sightline.clickhouse.embedded;

import io.sightline.clickhouse.ClickHouseException;
import io.sightline.clickhouse.ClickHouseGateway;
import io.sightline.clickhouse.Statement;
import io.sightline.clickhouse.format.InsertBatch;
import io.sightline.clickhouse.format.Row;
import io.sightline.clickhouse.format.RowBinaryReader;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The gateway over the engine inside this JVM. Each connection runs one statement at a time, so
 * the gateway keeps a small pool and leases a connection per statement; callers on any number
 * of threads wait for a free one.
 */
public final class EmbeddedGateway implements ClickHouseGateway {
  private static final Pattern DATABASE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final EmbeddedEngine engine;
  private final String database;
  private final BlockingQueue<ChdbConnection> pool;
  private final List<ChdbConnection> all;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final boolean holdsEngine;
  private final String serverVersion;

  private EmbeddedGateway(EmbeddedEngine engine, String database, List<ChdbConnection> connections,
      boolean holdsEngine) {
    this.engine = engine;
    this.database = database;
    this.holdsEngine = holdsEngine;
    this.all = List.copyOf(connections);
    this.pool = new ArrayBlockingQueue<>(connections.size(), false, connections);
    this.serverVersion = query(Statement.of("server_version", "SELECT version() AS v"))
        .getFirst().string("v");
  }

  /**
   * Opens a gateway with {@code poolSize} connections whose statements run in {@code database}
   * (created if missing). A gateway that {@code holdsEngine} keeps the engine up at JVM exit
   * until it is closed (up to {@link EmbeddedEngine#EXIT_GRACE}): the server's gateway does, so
   * its queue drains into ClickHouse before the engine stops. Others only keep it up while one
   * of their statements runs.
   */
  public static EmbeddedGateway open(EmbeddedEngine engine, String database, int poolSize,
      boolean holdsEngine) {
    if (!DATABASE.matcher(database).matches()) {
      throw new IllegalArgumentException("invalid database name: " + database);
    }
    if (poolSize < 1) {
      throw new IllegalArgumentException("poolSize < 1");
    }
    ChdbConnection setup = engine.connect();
    try {
      // The name is checked above and quoted: it comes from configuration, never from requests.
      setup.query(Statement.of("create_database", "CREATE DATABASE IF NOT EXISTS `" + database + "`"), "TSV");
    } finally {
      engine.disconnect(setup);
    }
    List<ChdbConnection> connections = new java.util.ArrayList<>();
    for (int i = 0; i < poolSize; i++) {
      ChdbConnection c = engine.connect();
      c.query(Statement.of("use_database", "USE `" + database + "`"), "TSV");
      connections.add(c);
    }
    if (holdsEngine) {
      engine.holdAtExit();
    }
    return new EmbeddedGateway(engine, database, connections, holdsEngine);
  }

  @Override
  public void execute(Statement statement) {
    withConnection(c -> c.query(statement, "TSV"));
  }

  @Override
  public List<Row> query(Statement statement) {
    byte[] bytes = withConnection(c -> c.query(statement, RowBinaryReader.FORMAT));
    return RowBinaryReader.decode(bytes);
  }

  @Override
  public void stream(Statement statement, String format, OutputStream sink) {
    withConnection(c -> {
      c.stream(statement, format, sink);
      return null;
    });
  }

  @Override
  public void insert(InsertBatch batch) {
    withConnection(c -> c.insert(batch.insertSql(), batch.format().clickHouseName(), batch.data(),
        "insert_" + batch.table()));
  }

  @Override
  public String database() {
    return database;
  }

  @Override
  public String serverVersion() {
    return serverVersion;
  }

  @Override
  public String mode() {
    return "embedded";
  }

  private <T> T withConnection(Function<ChdbConnection, T> work) {
    if (closed.get()) {
      throw new ClickHouseException(0, "", "gateway is closed", "", "", null);
    }
    ChdbConnection c;
    try {
      c = pool.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClickHouseException(0, "", "interrupted waiting for a connection", "", "", e);
    }
    try {
      engine.beginStatement();
      try {
        return work.apply(c);
      } finally {
        engine.endStatement();
      }
    } finally {
      pool.add(c);
    }
  }

  /** Closes the pool's connections once in-flight statements finish; the engine stays up. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    for (int i = 0; i < all.size(); i++) {
      try {
        engine.disconnect(pool.take());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (holdsEngine) {
      engine.releaseAtExit();
    }
  }
}
