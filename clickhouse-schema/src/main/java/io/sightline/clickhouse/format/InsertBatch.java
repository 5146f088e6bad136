package io.sightline.clickhouse.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Rows encoded for one {@code INSERT}: the target table, its columns, the format and the bytes.
 * Built with {@link #builder}; immutable once built.
 *
 * <pre>{@code
 * InsertBatch batch = InsertBatch.builder("scores", COLUMNS, InsertFormat.NATIVE)
 *     .addRow("default", scoreId, "thumbs", 1.0)
 *     .build();
 * gateway.insert(batch);
 * }</pre>
 */
public final class InsertBatch {
  private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

  private final String table;
  private final List<Column> columns;
  private final InsertFormat format;
  private final byte[] data;
  private final int rows;

  private InsertBatch(String table, List<Column> columns, InsertFormat format, byte[] data, int rows) {
    this.table = table;
    this.columns = columns;
    this.format = format;
    this.data = data;
    this.rows = rows;
  }

  public static Builder builder(String table, List<Column> columns, InsertFormat format) {
    return new Builder(table, columns, format);
  }

  /**
   * One batch holding the rows of several batches for the same table, columns and format. Both
   * formats concatenate: RowBinary is rows back to back, and a Native stream is a sequence of
   * blocks (ClickHouse squashes small blocks into large parts on insert). This lets many threads
   * encode their own rows and one writer send them in a single insert.
   */
  public static InsertBatch concat(List<InsertBatch> batches) {
    if (batches.isEmpty()) {
      throw new IllegalArgumentException("nothing to concatenate");
    }
    InsertBatch first = batches.getFirst();
    if (batches.size() == 1) {
      return first;
    }
    int size = 0;
    int rows = 0;
    for (InsertBatch b : batches) {
      if (!b.table.equals(first.table) || !b.columns.equals(first.columns) || b.format != first.format) {
        throw new IllegalArgumentException("batches differ in table, columns or format");
      }
      size = Math.addExact(size, b.data.length);
      rows += b.rows;
    }
    byte[] data = new byte[size];
    int off = 0;
    for (InsertBatch b : batches) {
      System.arraycopy(b.data, 0, data, off, b.data.length);
      off += b.data.length;
    }
    return new InsertBatch(first.table, first.columns, first.format, data, rows);
  }

  public String table() {
    return table;
  }

  public List<Column> columns() {
    return columns;
  }

  public InsertFormat format() {
    return format;
  }

  /** The encoded rows; do not modify. */
  public byte[] data() {
    return data;
  }

  public int rows() {
    return rows;
  }

  /**
   * Settings every batch insert runs with. One batch may hold spans from many days (a backfill,
   * a client with a skewed clock); ClickHouse's default limit of 100 partitions per insert block
   * would fail the whole batch, and its clients would retry it forever. Replacing tables need not
   * collapse duplicates inside each inserted block (ingest drops re-sent spans before they get
   * here and reads deduplicate): skipping it made span inserts ≈ 20% cheaper.
   */
  public static final java.util.Map<String, String> SETTINGS =
      java.util.Map.of("max_partitions_per_insert_block", "5000", "optimize_on_insert", "0");

  /** {@code INSERT INTO table (c1, c2, ...) SETTINGS ...}, without FORMAT: the transport adds it. */
  public String insertSql() {
    StringBuilder sb = new StringBuilder("INSERT INTO ").append(quote(table)).append(" (");
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(quote(columns.get(i).name()));
    }
    sb.append(") SETTINGS ");
    sb.append(String.join(", ", SETTINGS.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).toList()));
    return sb.toString();
  }

  /** Column names in insert order. */
  public List<String> columnNames() {
    return columns.stream().map(Column::name).toList();
  }

  private static String quote(String name) {
    StringBuilder sb = new StringBuilder();
    for (String part : name.split("\\.")) {
      if (!sb.isEmpty()) {
        sb.append('.');
      }
      sb.append('`').append(part).append('`');
    }
    return sb.toString();
  }

  /** Encodes rows as they are added. Not thread safe. */
  public static final class Builder {
    private final String table;
    private final List<Column> columns;
    private final InsertFormat format;
    private final ByteBuf rowBinary;
    private final NativeColumn[] nativeColumns;
    private int rows;

    private Builder(String table, List<Column> columns, InsertFormat format) {
      Objects.requireNonNull(table, "table == null");
      if (!TABLE.matcher(table).matches()) {
        throw new IllegalArgumentException("invalid table name: " + table);
      }
      if (columns.isEmpty()) {
        throw new IllegalArgumentException("no columns");
      }
      this.table = table;
      this.columns = List.copyOf(columns);
      this.format = Objects.requireNonNull(format, "format == null");
      if (format == InsertFormat.NATIVE) {
        rowBinary = null;
        nativeColumns = new NativeColumn[columns.size()];
        for (int i = 0; i < nativeColumns.length; i++) {
          nativeColumns[i] = NativeColumn.create(columns.get(i).type());
        }
      } else {
        rowBinary = new ByteBuf(64 * 1024);
        nativeColumns = null;
      }
    }

    /** Adds one row; {@code values} follow the column order. */
    public Builder addRow(Object... values) {
      if (values.length != columns.size()) {
        throw new IllegalArgumentException(
            "row has " + values.length + " values for " + columns.size() + " columns");
      }
      for (int i = 0; i < values.length; i++) {
        try {
          if (nativeColumns != null) {
            nativeColumns[i].add(values[i]);
          } else {
            ValueWriter.write(rowBinary, columns.get(i).type(), values[i]);
          }
        } catch (RuntimeException e) {
          throw new IllegalArgumentException(
              "cannot encode column " + columns.get(i).name() + " (" + columns.get(i).type() + "): "
                  + e.getMessage(), e);
        }
      }
      rows++;
      return this;
    }

    public int rows() {
      return rows;
    }

    public InsertBatch build() {
      byte[] data;
      if (nativeColumns == null) {
        data = rowBinary.toByteArray();
      } else {
        ByteBuf out = new ByteBuf(1024);
        out.writeVarUInt(columns.size());
        out.writeVarUInt(rows);
        for (int i = 0; i < nativeColumns.length; i++) {
          Column c = columns.get(i);
          out.writeString(c.name());
          out.writeString(c.type().withoutLowCardinality().toString());
          nativeColumns[i].writeData(out);
        }
        data = out.toByteArray();
      }
      return new InsertBatch(table, new ArrayList<>(columns), format, data, rows);
    }
  }
}
