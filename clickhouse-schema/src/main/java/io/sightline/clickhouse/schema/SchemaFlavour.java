package io.sightline.clickhouse.schema;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders migrations for a single ClickHouse node (as written) or for a cluster. The cluster
 * flavour is one documented substitution applied to every statement:
 * <ul>
 *   <li>{@code CREATE TABLE t ... ENGINE = XMergeTree(args)} becomes the shard-local table
 *       {@code t_local ON CLUSTER c} with {@code ReplicatedXMergeTree('/clickhouse/tables/{shard}/{database}/t_local', '{replica}', args)},
 *       plus {@code t ON CLUSTER c AS t_local ENGINE = Distributed(c, currentDatabase(), t_local, key)},
 *       where {@code key} is the {@code -- sharding: <expr>} line above the statement ({@code rand()}
 *       when absent, for tables fed shard-locally by materialized views);</li>
 *   <li>{@code CREATE MATERIALIZED VIEW v TO t AS SELECT ... FROM s} becomes
 *       {@code v ON CLUSTER c TO t_local AS SELECT ... FROM s_local}: views run on each shard
 *       against its local data;</li>
 *   <li>{@code ALTER TABLE t ...} runs {@code ON CLUSTER} on {@code t_local}, and column changes
 *       also on the Distributed {@code t}.</li>
 * </ul>
 * Anything else is rejected, so a new kind of migration statement must teach the renderer first.
 */
public final class SchemaFlavour {
  private static final Pattern CREATE_TABLE = Pattern.compile(
      "(?s)^CREATE TABLE IF NOT EXISTS (\\w+)\\s*(\\(.*\\))\\s*ENGINE = (\\w*MergeTree)(\\(([^)]*)\\))?(.*)$");
  private static final Pattern CREATE_MV = Pattern.compile(
      "(?s)^CREATE MATERIALIZED VIEW IF NOT EXISTS (\\w+) TO (\\w+) AS(.*)$");
  private static final Pattern ALTER = Pattern.compile("(?s)^ALTER TABLE (\\w+) (.*)$");
  private static final Pattern SHARDING = Pattern.compile("(?m)^--\\s*sharding:\\s*(.+)$");
  private static final Pattern COLUMN_CHANGE = Pattern.compile("(?i)^(ADD|DROP|MODIFY|RENAME) COLUMN");

  private final String cluster;

  private SchemaFlavour(String cluster) {
    this.cluster = cluster;
  }

  /** One node: migrations run as written. */
  public static SchemaFlavour singleNode() {
    return new SchemaFlavour(null);
  }

  /** A cluster whose name is {@code cluster} in the servers' {@code remote_servers}. */
  public static SchemaFlavour cluster(String cluster) {
    if (cluster == null || !cluster.matches("[A-Za-z0-9_\\-]+")) {
      throw new IllegalArgumentException("invalid cluster name: " + cluster);
    }
    return new SchemaFlavour(cluster);
  }

  public boolean isCluster() {
    return cluster != null;
  }

  /** The migration-history table's DDL in this flavour. */
  String migrationsTableDdl() {
    String columns = "(version UInt32, name String, checksum String, applied_at DateTime64(3, 'UTC'))";
    if (cluster == null) {
      return "CREATE TABLE IF NOT EXISTS schema_migrations " + columns
          + " ENGINE = MergeTree ORDER BY version";
    }
    // One copy for the whole cluster: the replication path has no {shard}.
    return "CREATE TABLE IF NOT EXISTS schema_migrations ON CLUSTER `" + cluster + "` " + columns
        + " ENGINE = ReplicatedMergeTree('/clickhouse/tables/{database}/schema_migrations', '{replica}')"
        + " ORDER BY version";
  }

  /** Renders every statement of {@code migrations} in order. */
  public List<String> render(List<Migration> migrations) {
    Set<String> tables = new LinkedHashSet<>();
    List<String> out = new ArrayList<>();
    for (Migration m : migrations) {
      out.addAll(render(m, tables));
    }
    return out;
  }

  /** Renders one migration; {@code tables} tracks the MergeTree tables created so far. */
  List<String> render(Migration migration, Set<String> tables) {
    List<String> out = new ArrayList<>();
    for (String statement : migration.statements()) {
      out.addAll(renderStatement(statement, tables, migration.file()));
    }
    return out;
  }

  private List<String> renderStatement(String statement, Set<String> tables, String file) {
    String sql = SqlStatements.withoutComments(statement);
    Matcher table = CREATE_TABLE.matcher(sql);
    if (table.matches()) {
      tables.add(table.group(1));
    }
    if (cluster == null) {
      return List.of(sql);
    }
    String on = " ON CLUSTER `" + cluster + "`";
    if (table.matches()) {
      String name = table.group(1);
      String local = name + "_local";
      String args = table.group(5) == null || table.group(5).isBlank() ? "" : ", " + table.group(5);
      String engine = "Replicated" + table.group(3) + "('/clickhouse/tables/{shard}/{database}/"
          + local + "', '{replica}'" + args + ")";
      Matcher sharding = SHARDING.matcher(statement);
      String key = sharding.find() ? sharding.group(1).strip() : "rand()";
      return List.of(
          "CREATE TABLE IF NOT EXISTS " + local + on + "\n" + table.group(2) + "\nENGINE = " + engine
              + table.group(6),
          "CREATE TABLE IF NOT EXISTS " + name + on + " AS " + local
              + "\nENGINE = Distributed('" + cluster + "', currentDatabase(), '" + local + "', " + key + ")");
    }
    Matcher mv = CREATE_MV.matcher(sql);
    if (mv.matches()) {
      String select = mv.group(3);
      for (String t : tables) {
        select = select.replaceAll("(?i)\\b(FROM|JOIN)\\s+" + t + "\\b", "$1 " + t + "_local");
      }
      return List.of("CREATE MATERIALIZED VIEW IF NOT EXISTS " + mv.group(1) + on + " TO "
          + mv.group(2) + "_local AS" + select);
    }
    Matcher alter = ALTER.matcher(sql);
    if (alter.matches() && tables.contains(alter.group(1))) {
      String name = alter.group(1);
      String change = alter.group(2);
      List<String> out = new ArrayList<>();
      out.add("ALTER TABLE " + name + "_local" + on + " " + change);
      if (COLUMN_CHANGE.matcher(change.strip()).find()) {
        out.add("ALTER TABLE " + name + on + " " + change);
      }
      return out;
    }
    throw new IllegalStateException("migration " + file + " has a statement the cluster flavour "
        + "cannot render; extend SchemaFlavour first: " + sql.lines().findFirst().orElse(""));
  }
}
