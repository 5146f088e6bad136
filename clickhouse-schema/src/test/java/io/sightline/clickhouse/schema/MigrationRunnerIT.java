package io.sightline.clickhouse.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.clickhouse.ClickHouseGateway;
import io.sightline.clickhouse.Statement;
import io.sightline.clickhouse.format.Row;
import io.sightline.clickhouse.testing.TestStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Migrations on the real embedded engine. */
class MigrationRunnerIT {
  private static final Path SNAPSHOT = Path.of("src/test/resources/schema-snapshot.sql");

  @Test
  void migrate_twice_appliesEverythingOnceThenNothing() {
    try (ClickHouseGateway g = TestStore.emptyDatabase("migrate_twice")) {
      MigrationRunner runner = new MigrationRunner(g, SchemaFlavour.singleNode());
      List<String> first = runner.migrate();
      assertThat(first).containsExactlyElementsOf(
          Migrations.all().stream().map(Migration::file).toList());
      String before = showCreateAll(g);
      assertThat(runner.migrate()).isEmpty();
      assertThat(showCreateAll(g)).isEqualTo(before);
      assertThat(g.query(Statement.of("count_migrations",
          "SELECT count() AS n FROM schema_migrations")).getFirst().longValue("n"))
          .isEqualTo(first.size());
    }
  }

  /**
   * The applied schema, as the engine reports it, equals the checked-in snapshot. Run with
   * {@code -Dsightline.update.snapshot=true} to rewrite the snapshot after adding a migration.
   */
  @Test
  void migrate_producesTheSnapshottedSchema() throws IOException {
    try (ClickHouseGateway g = TestStore.migratedDatabase("snapshot")) {
      String actual = showCreateAll(g).replace(g.database() + ".", "sightline.");
      if (Boolean.getBoolean("sightline.update.snapshot")) {
        Files.writeString(SNAPSHOT, actual, StandardCharsets.UTF_8);
      }
      assertThat(actual).isEqualTo(Files.readString(SNAPSHOT, StandardCharsets.UTF_8));
    }
  }

  @Test
  void migrate_failingMigration_stopsWithItsNameAndError() {
    try (ClickHouseGateway g = TestStore.emptyDatabase("migrate_fail")) {
      Migration ok = new Migration(1, "0001_ok.sql", "c1",
          List.of("CREATE TABLE IF NOT EXISTS ok_table (a UInt8) ENGINE = MergeTree ORDER BY a"));
      Migration broken = new Migration(2, "0002_broken.sql", "c2",
          List.of("CREATE TABLE IF NOT EXISTS broken (a NoSuchType) ENGINE = MergeTree ORDER BY a"));
      MigrationRunner runner = new MigrationRunner(g, SchemaFlavour.singleNode());
      assertThatThrownBy(() -> runner.migrate(List.of(ok, broken)))
          .isInstanceOf(MigrationRunner.MigrationException.class)
          .hasMessageContaining("0002_broken.sql")
          .hasMessageContaining("NoSuchType");
      // The good one is recorded; the broken one is not, so a fixed file applies on the next start.
      assertThat(g.query(Statement.of("applied", "SELECT name FROM schema_migrations"))
          .stream().map(r -> r.string("name")).toList()).containsExactly("0001_ok.sql");
    }
  }

  @Test
  void migrate_changedAppliedMigration_isRefused() {
    try (ClickHouseGateway g = TestStore.emptyDatabase("migrate_changed")) {
      MigrationRunner runner = new MigrationRunner(g, SchemaFlavour.singleNode());
      runner.migrate(List.of(new Migration(1, "0001_x.sql", "original",
          List.of("CREATE TABLE IF NOT EXISTS x (a UInt8) ENGINE = MergeTree ORDER BY a"))));
      assertThatThrownBy(() -> runner.migrate(List.of(new Migration(1, "0001_x.sql", "edited",
          List.of("CREATE TABLE IF NOT EXISTS x (a UInt16) ENGINE = MergeTree ORDER BY a")))))
          .hasMessageContaining("0001_x.sql").hasMessageContaining("must not change");
    }
  }

  static String showCreateAll(ClickHouseGateway g) {
    StringBuilder sb = new StringBuilder();
    for (Row r : g.query(Statement.of("list_tables",
        "SELECT name FROM system.tables WHERE database = currentDatabase() "
            + "AND name != 'schema_migrations' ORDER BY name"))) {
      String ddl = g.query(Statement.of("show_create",
          "SELECT create_table_query AS q FROM system.tables WHERE database = currentDatabase() "
              + "AND name = {name:String}").bind("name", r.string("name"))).getFirst().string("q");
      sb.append(ddl).append(";\n\n");
    }
    return sb.toString();
  }
}
