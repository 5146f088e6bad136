package io.sightline.clickhouse.format;

import java.util.Objects;
import java.util.regex.Pattern;

/** A column of an insert: its name and ClickHouse type, both fixed by code, never by input. */
public record Column(String name, ClickHouseType type) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

  public Column {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(type, "type == null");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("invalid column name: " + name);
    }
  }

  public static Column of(String name, String type) {
    return new Column(name, ClickHouseType.parse(type));
  }
}
