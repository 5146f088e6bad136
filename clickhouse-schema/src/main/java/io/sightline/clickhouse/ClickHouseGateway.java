package io.sightline.clickhouse;

import io.sightline.clickhouse.format.InsertBatch;
import io.sightline.clickhouse.format.Row;
import java.io.OutputStream;
import java.util.List;

/**
 * The one way Sightline code talks to ClickHouse, embedded (chDB in this JVM) or remote (a
 * ClickHouse server or cluster over HTTP). Both implementations move bytes only: statements go
 * in with their parameters bound server-side ({@code {name:Type}} placeholders), results come
 * back as RowBinaryWithNamesAndTypes decoded by shared code, and inserts go in as encoded
 * {@link InsertBatch}es. There is deliberately no method that accepts a caller's value spliced
 * into SQL text.
 *
 * <p>Implementations are thread safe. Failures surface as {@link ClickHouseException}.
 */
public interface ClickHouseGateway extends AutoCloseable {

  /** Runs a statement that returns no rows (DDL, {@code INSERT ... SELECT}, {@code OPTIMIZE}). */
  void execute(Statement statement);

  /** Runs a query and returns its rows, decoded. Use for results that fit in memory. */
  List<Row> query(Statement statement);

  /**
   * Runs a query and writes its result, in the named ClickHouse output format (for example
   * {@code JSONEachRow}, {@code CSVWithNames}, {@code Parquet}), to {@code sink} as it arrives.
   */
  void stream(Statement statement, String format, OutputStream sink);

  /** Inserts one encoded batch; returns when ClickHouse has committed every row of it. */
  void insert(InsertBatch batch);

  /** The database this gateway's statements run in by default. */
  String database();

  /** The ClickHouse version that answers, for example {@code 26.7.2.1}. */
  String serverVersion();

  /** What kind of store this is, for health output and logs: {@code embedded} or {@code remote}. */
  String mode();

  @Override
  void close();
}
