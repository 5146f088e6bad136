package io.sightline.clickhouse.format;

/**
 * Binary input formats the gateway can send. Native is columnar and cheaper for ClickHouse to
 * parse; RowBinary is row-by-row. {@code bench/} measures both on Sightline's span rows; see
 * docs/performance.md for the figures behind the default.
 */
public enum InsertFormat {
  ROW_BINARY("RowBinary"),
  NATIVE("Native");

  private final String clickHouseName;

  InsertFormat(String clickHouseName) {
    this.clickHouseName = clickHouseName;
  }

  /** The format's name in ClickHouse SQL ({@code FORMAT RowBinary}). */
  public String clickHouseName() {
    return clickHouseName;
  }
}
