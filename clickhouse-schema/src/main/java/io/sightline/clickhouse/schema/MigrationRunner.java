package io.sightline.clickhouse.schema;

import io.sightline.clickhouse.ClickHouseException;
import io.sightline.clickhouse.ClickHouseGateway;
import io.sightline.clickhouse.Statement;
import io.sightline.clickhouse.format.Row;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies pending migrations in order at start-up and records each in {@code schema_migrations}.
 * Running it again changes nothing. A failing migration stops start-up with its file name and
 * ClickHouse's error; statements are idempotent ({@code IF NOT EXISTS}), so a fixed cause can
 * simply be followed by another start.
 */
public final class MigrationRunner {
  private static final Logger LOG = LoggerFactory.getLogger(MigrationRunner.class);

  private final ClickHouseGateway gateway;
  private final SchemaFlavour flavour;

  public MigrationRunner(ClickHouseGateway gateway, SchemaFlavour flavour) {
    this.gateway = gateway;
    this.flavour = flavour;
  }

  /** Applies what is missing; returns the files applied by this call. */
  public List<String> migrate() {
    return migrate(Migrations.all());
  }

  List<String> migrate(List<Migration> migrations) {
    gateway.execute(Statement.of("create_schema_migrations", flavour.migrationsTableDdl()));
    Map<Integer, String> applied = appliedChecksums();
    Set<String> tables = new LinkedHashSet<>();
    List<String> done = new java.util.ArrayList<>();
    for (Migration m : migrations) {
      List<String> statements = flavour.render(m, tables);
      String recorded = applied.get(m.version());
      if (recorded != null) {
        if (!recorded.equals(m.checksum())) {
          throw new MigrationException("migration " + m.file() + " was applied with checksum "
              + recorded + " but the file now has " + m.checksum()
              + "; applied migrations must not change");
        }
        continue;
      }
      for (String sql : statements) {
        try {
          gateway.execute(Statement.of(m.file(), sql));
        } catch (ClickHouseException e) {
          throw new MigrationException("migration " + m.file() + " failed: " + e.getMessage(), e);
        }
      }
      gateway.execute(Statement.of("record_migration",
              "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES "
                  + "({version:UInt32}, {name:String}, {checksum:String}, fromUnixTimestamp64Milli({at:Int64}, 'UTC'))")
          .bind("version", m.version()).bind("name", m.file()).bind("checksum", m.checksum())
          .bind("at", Instant.now().toEpochMilli()));
      LOG.info("applied migration {}", m.file());
      done.add(m.file());
    }
    return done;
  }

  private Map<Integer, String> appliedChecksums() {
    Map<Integer, String> out = new HashMap<>();
    for (Row r : gateway.query(Statement.of("applied_migrations",
        "SELECT version, any(checksum) AS checksum FROM schema_migrations GROUP BY version"))) {
      out.put(r.intValue("version"), r.string("checksum"));
    }
    return out;
  }

  /** A migration could not be applied; start-up must stop. */
  public static final class MigrationException extends RuntimeException {
    MigrationException(String message) {
      super(message);
    }

    MigrationException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
