package io.sightline.clickhouse.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cluster flavour cannot run here (no ClickHouse cluster); this proves it renders to the
 * expected DDL. Regenerate the snapshot with -Dsightline.update.snapshot=true after adding a
 * migration, and review the diff.
 */
class SchemaFlavourTest {
  private static final Path SNAPSHOT = Path.of("src/test/resources/cluster-schema-snapshot.sql");

  @Test
  void singleNode_runsMigrationsAsWritten() {
    List<String> rendered = SchemaFlavour.singleNode().render(Migrations.all());
    assertThat(rendered).allMatch(s -> !s.contains("ON CLUSTER") && !s.contains("_local"));
    assertThat(rendered).anyMatch(s -> s.startsWith("CREATE TABLE IF NOT EXISTS spans"));
  }

  @Test
  void cluster_rendersReplicatedLocalTablesBehindDistributedOnes() throws IOException {
    List<String> rendered = SchemaFlavour.cluster("sightline_cluster").render(Migrations.all());
    String all = String.join(";\n\n", rendered) + ";\n";
    if (Boolean.getBoolean("sightline.update.snapshot")) {
      Files.writeString(SNAPSHOT, all, StandardCharsets.UTF_8);
    }
    assertThat(all).isEqualTo(Files.readString(SNAPSHOT, StandardCharsets.UTF_8));
    // Properties the snapshot must keep, whatever future migrations add:
    assertThat(rendered).allMatch(s -> s.contains("ON CLUSTER `sightline_cluster`"));
    assertThat(all).contains("CREATE TABLE IF NOT EXISTS spans_local ON CLUSTER `sightline_cluster`")
        .contains("ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/spans_local', '{replica}', ingested_at)")
        .contains("CREATE TABLE IF NOT EXISTS spans ON CLUSTER `sightline_cluster` AS spans_local\n"
            + "ENGINE = Distributed('sightline_cluster', currentDatabase(), 'spans_local', cityHash64(trace_id))")
        .contains("CREATE MATERIALIZED VIEW IF NOT EXISTS trace_index_mv ON CLUSTER `sightline_cluster` TO trace_index_local")
        .contains("FROM spans_local AS s")
        .doesNotContain("FROM spans AS s");
  }

  @Test
  void cluster_unknownStatementKind_isRefused() {
    Migration odd = new Migration(99, "0099_odd.sql", "x", List.of("CREATE FUNCTION f AS x -> x"));
    assertThatThrownBy(() -> SchemaFlavour.cluster("c").render(List.of(odd)))
        .hasMessageContaining("0099_odd.sql").hasMessageContaining("SchemaFlavour");
  }

  @Test
  void split_keepsSemicolonsInsideQuotesAndComments() {
    assertThat(SqlStatements.split("-- a; comment\nSELECT 'x;y'; SELECT 2;\n-- trailing"))
        .containsExactly("-- a; comment\nSELECT 'x;y'", "SELECT 2");
  }
}
