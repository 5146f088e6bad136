package io.sightline.clickhouse.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Sightline's migrations, read from {@code migrations/} beside this class. The {@code INDEX} file
 * lists each migration with its SHA-256: a migration is immutable once merged, so loading fails
 * when a file no longer matches its recorded checksum (add a new migration instead).
 */
public final class Migrations {
  private static final String DIR = "io/sightline/clickhouse/schema/migrations/";

  private Migrations() {}

  /** All migrations in version order. */
  public static List<Migration> all() {
    List<Migration> out = new ArrayList<>();
    int previous = 0;
    for (String line : read("INDEX").strip().split("\n")) {
      String[] parts = line.strip().split("\\s+");
      if (parts.length != 2) {
        throw new IllegalStateException("malformed migrations INDEX line: " + line);
      }
      String file = parts[0];
      int version = Integer.parseInt(file.substring(0, file.indexOf('_')));
      if (version <= previous) {
        throw new IllegalStateException("migration " + file + " is out of order in INDEX");
      }
      previous = version;
      String text = read(file);
      String checksum = sha256(text);
      if (!checksum.equals(parts[1])) {
        throw new IllegalStateException("migration " + file + " changed after it was recorded "
            + "(INDEX says " + parts[1] + ", file is " + checksum + "). Applied migrations are "
            + "immutable: revert the edit and add a new migration instead.");
      }
      out.add(new Migration(version, file, checksum, SqlStatements.split(text)));
    }
    return List.copyOf(out);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String read(String name) {
    try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(DIR + name)) {
      if (in == null) {
        throw new IllegalStateException("missing migration resource " + DIR + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
