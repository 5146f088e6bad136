package io.sightline.clickhouse;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named SQL statement and the values bound to its {@code {name:Type}} placeholders. Values
 * travel separately from the SQL text and are parsed by ClickHouse as the placeholder's type, so
 * they can never change what the statement does.
 *
 * <pre>{@code
 * Statement.of("count_spans", "SELECT count() FROM spans WHERE project_id = {project:String}")
 *     .bind("project", projectId);
 * }</pre>
 *
 * <p>Accepted values: {@link String}, {@link Number}, {@link Boolean}, {@link java.time.Instant}
 * (bound as nanoseconds since the epoch: use {@code fromUnixTimestamp64Nano({t:Int64})}),
 * {@link java.util.UUID}, and {@link java.util.Collection} of those for {@code Array(T)}
 * placeholders. {@code null} binds SQL NULL for {@code Nullable(T)} placeholders.
 */
public record Statement(String name, String sql, Map<String, Object> params) {
  private static final Pattern PARAM_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  public Statement {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(sql, "sql == null");
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** A statement with no parameters bound yet. */
  public static Statement of(String name, String sql) {
    return new Statement(name, sql, Map.of());
  }

  /** A statement loaded from a {@code .sql} resource, named after the file. */
  public static Statement load(Class<?> owner, String resourceName) {
    return of(resourceName, SqlResources.load(owner, resourceName));
  }

  /** Returns a copy with {@code value} bound to the placeholder {@code {param:Type}}. */
  public Statement bind(String param, Object value) {
    if (!PARAM_NAME.matcher(param).matches()) {
      throw new IllegalArgumentException("invalid parameter name: " + param);
    }
    Map<String, Object> copy = new LinkedHashMap<>(params);
    copy.put(param, value);
    return new Statement(name, sql, copy);
  }

  /** Returns a copy with every entry of {@code values} bound. */
  public Statement bindAll(Map<String, ?> values) {
    Statement s = this;
    for (Map.Entry<String, ?> e : values.entrySet()) {
      s = s.bind(e.getKey(), e.getValue());
    }
    return s;
  }

  /** Parameter values rendered as the text ClickHouse parses for each placeholder type. */
  public Map<String, String> encodedParams() {
    Map<String, String> out = new LinkedHashMap<>();
    params.forEach((k, v) -> out.put(k, ParamEncoder.encode(v)));
    return out;
  }

  @Override
  public String toString() {
    // Never print parameter values: they may hold user content.
    return "Statement[" + name + ", params=" + params.keySet() + "]";
  }
}
