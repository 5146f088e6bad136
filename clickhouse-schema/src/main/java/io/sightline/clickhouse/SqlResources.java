package io.sightline.clickhouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Loads SQL kept in {@code .sql} resources beside the class that runs it, once per file. */
public final class SqlResources {
  private static final ConcurrentMap<String, String> CACHE = new ConcurrentHashMap<>();

  private SqlResources() {}

  /**
   * Returns the text of {@code <name>.sql} in {@code owner}'s package, without its leading
   * comment lines.
   */
  public static String load(Class<?> owner, String name) {
    String path = owner.getPackageName().replace('.', '/') + "/" + name + ".sql";
    return CACHE.computeIfAbsent(path, p -> read(owner, p));
  }

  private static String read(Class<?> owner, String path) {
    try (InputStream in = owner.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing SQL resource " + path);
      }
      return stripComments(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read SQL resource " + path, e);
    }
  }

  /** Drops full-line {@code --} comments and a trailing semicolon; ClickHouse takes one statement. */
  static String stripComments(String sql) {
    StringBuilder out = new StringBuilder(sql.length());
    for (String line : sql.split("\n", -1)) {
      if (!line.strip().startsWith("--")) {
        out.append(line).append('\n');
      }
    }
    String s = out.toString().strip();
    return s.endsWith(";") ? s.substring(0, s.length() - 1).strip() : s;
  }
}
