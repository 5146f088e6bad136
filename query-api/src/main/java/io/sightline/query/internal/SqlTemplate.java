package io.sightline.query.internal;

import io.sightline.clickhouse.SqlResources;
import io.sightline.clickhouse.Statement;
import java.util.Map;

/**
 * Fills {@code /*{name}*&#47;} markers of a {@code .sql} resource with fragments that are constants
 * of the calling code (enum members for sort keys and optional predicates: a closed set).
 * Request text never reaches SQL: values are always bound parameters.
 */
public final class SqlTemplate {
  private SqlTemplate() {}

  public static Statement load(Class<?> owner, String name, Map<String, String> fragments) {
    String sql = SqlResources.load(owner, name);
    for (Map.Entry<String, String> f : fragments.entrySet()) {
      String marker = "/*{" + f.getKey() + "}*/";
      if (!sql.contains(marker)) {
        throw new IllegalStateException(name + ".sql has no marker " + marker);
      }
      sql = sql.replace(marker, f.getValue());
    }
    return Statement.of(name, sql);
  }
}
