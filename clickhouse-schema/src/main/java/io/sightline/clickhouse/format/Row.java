package io.sightline.clickhouse.format;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One decoded result row. Values are Java types chosen by column type: integers as
 * {@link Long}, floats as {@link Double}, {@code Decimal} as {@link BigDecimal}, {@code DateTime}
 * and {@code DateTime64} as {@link Instant}, {@code Date} as {@link java.time.LocalDate}, enums
 * and strings as {@link String}, arrays and tuples as {@link List}, maps as {@link Map} (in
 * ClickHouse's order), {@code Bool} as {@link Boolean}, nulls as {@code null}.
 */
public final class Row {
  private final Columns columns;
  private final Object[] values;

  Row(Columns columns, Object[] values) {
    this.columns = columns;
    this.values = values;
  }

  /** The result's column names and types, shared by all rows of one result. */
  public record Columns(List<String> names, List<ClickHouseType> types, Map<String, Integer> index) {}

  public List<String> columnNames() {
    return columns.names();
  }

  public int size() {
    return values.length;
  }

  public Object get(int i) {
    return values[i];
  }

  public Object get(String column) {
    Integer i = columns.index().get(column);
    if (i == null) {
      throw new IllegalArgumentException("no column " + column + " in " + columns.names());
    }
    return values[i];
  }

  public String string(String column) {
    Object v = get(column);
    return v == null ? null : v.toString();
  }

  public long longValue(String column) {
    Object v = get(column);
    return v == null ? 0L : ((Number) v).longValue();
  }

  public int intValue(String column) {
    return Math.toIntExact(longValue(column));
  }

  public double doubleValue(String column) {
    Object v = get(column);
    return v == null ? Double.NaN : ((Number) v).doubleValue();
  }

  public BigDecimal decimal(String column) {
    Object v = get(column);
    if (v == null || v instanceof BigDecimal) {
      return (BigDecimal) v;
    }
    return new BigDecimal(v.toString());
  }

  public Instant instant(String column) {
    return (Instant) get(column);
  }

  public boolean bool(String column) {
    Object v = get(column);
    if (v instanceof Boolean b) {
      return b;
    }
    return v != null && ((Number) v).longValue() != 0;
  }

  @SuppressWarnings("unchecked")
  public <T> List<T> list(String column) {
    return (List<T>) get(column);
  }

  @SuppressWarnings("unchecked")
  public <K, V> Map<K, V> map(String column) {
    return (Map<K, V>) get(column);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Row{");
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(columns.names().get(i)).append('=').append(values[i]);
    }
    return sb.append('}').toString();
  }
}
