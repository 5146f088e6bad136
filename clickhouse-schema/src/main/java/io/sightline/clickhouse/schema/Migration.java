package io.sightline.clickhouse.schema;

import java.util.List;

/**
 * One versioned schema migration: a {@code NNNN_name.sql} file of one or more statements,
 * written for a single ClickHouse node. {@link SchemaFlavour} renders it for a cluster.
 *
 * @param version the file's number, applied in ascending order
 * @param file the file name, recorded in {@code schema_migrations}
 * @param checksum SHA-256 of the file; a file may not change once applied
 * @param statements the statements in file order, each with its own comment lines
 */
public record Migration(int version, String file, String checksum, List<String> statements) {
  public Migration {
    statements = List.copyOf(statements);
  }
}
