package io.sightline.genai.pricing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the price catalogue format: {@code #} comment lines (one may be
 * {@code # version: <text>}), blank lines, a header line naming {@link #COLUMNS} in order, then one
 * row per line. Fields may be double-quoted (a regex containing a comma); {@code ""} inside quotes
 * is a quote. Every error names the source, the line and the column.
 */
final class PriceCsv {
  static final String[] COLUMNS = {"provider", "pattern", "effective_from", "input", "output",
      "cache_read", "cache_write", "reasoning"};
  private static final String VERSION_PREFIX = "version:";

  final String version;
  final List<ModelPrice> rows;

  private PriceCsv(String version, List<ModelPrice> rows) {
    this.version = version;
    this.rows = rows;
  }

  static PriceCsv parse(Reader reader, String sourceName) {
    List<String[]> lines = new ArrayList<String[]>();
    List<Integer> lineNumbers = new ArrayList<Integer>();
    String version = null;
    boolean header = false;
    BufferedReader in = reader instanceof BufferedReader
        ? (BufferedReader) reader : new BufferedReader(reader);
    try {
      int lineNo = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNo++;
        String trimmed = line.trim();
        if (lineNo == 1 && trimmed.startsWith("\uFEFF")) {
          trimmed = trimmed.substring(1).trim();
        }
        if (trimmed.isEmpty()) {
          continue;
        }
        if (trimmed.startsWith("#")) {
          String comment = trimmed.substring(1).trim();
          if (version == null && comment.regionMatches(true, 0, VERSION_PREFIX, 0,
              VERSION_PREFIX.length())) {
            version = comment.substring(VERSION_PREFIX.length()).trim();
          }
          continue;
        }
        String[] fields = split(trimmed, sourceName, lineNo);
        if (!header) {
          checkHeader(fields, sourceName, lineNo);
          header = true;
          continue;
        }
        lines.add(fields);
        lineNumbers.add(lineNo);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read price catalogue " + sourceName, e);
    }
    if (!header) {
      throw new IllegalArgumentException(sourceName + ": no header line (expected "
          + String.join(",", COLUMNS) + ")");
    }
    String catalogVersion = version == null || version.isEmpty() ? sourceName : version;
    List<ModelPrice> rows = new ArrayList<ModelPrice>(lines.size());
    Map<String, Integer> seen = new HashMap<String, Integer>();
    for (int i = 0; i < lines.size(); i++) {
      int lineNo = lineNumbers.get(i);
      ModelPrice row = row(lines.get(i), catalogVersion, sourceName, lineNo);
      String key = row.provider() + "|" + row.pattern() + "|" + row.effectiveFrom();
      Integer previous = seen.put(key, lineNo);
      if (previous != null) {
        throw new IllegalArgumentException(sourceName + " line " + lineNo + ": duplicate row for "
            + row.provider() + " " + row.pattern() + " from " + row.effectiveFrom()
            + " (first on line " + previous + ")");
      }
      rows.add(row);
    }
    return new PriceCsv(catalogVersion, rows);
  }

  private static void checkHeader(String[] fields, String sourceName, int lineNo) {
    boolean ok = fields.length == COLUMNS.length;
    for (int i = 0; ok && i < COLUMNS.length; i++) {
      ok = COLUMNS[i].equalsIgnoreCase(fields[i].trim());
    }
    if (!ok) {
      throw new IllegalArgumentException(sourceName + " line " + lineNo + ": header must be "
          + String.join(",", COLUMNS) + " but was " + String.join(",", fields));
    }
  }

  private static ModelPrice row(String[] f, String version, String sourceName, int lineNo) {
    if (f.length != COLUMNS.length) {
      throw new IllegalArgumentException(sourceName + " line " + lineNo + ": expected "
          + COLUMNS.length + " columns (" + String.join(",", COLUMNS) + ") but found " + f.length);
    }
    String provider = Providers.normalize(f[0]);
    if (provider.isEmpty()) {
      throw error(sourceName, lineNo, 0, "is empty");
    }
    ModelPattern pattern;
    try {
      pattern = ModelPattern.parse(f[1]);
    } catch (IllegalArgumentException e) {
      throw error(sourceName, lineNo, 1, e.getMessage());
    }
    LocalDate from;
    try {
      from = LocalDate.parse(f[2].trim());
    } catch (DateTimeParseException e) {
      throw error(sourceName, lineNo, 2, "'" + f[2].trim() + "' is not a date (yyyy-MM-dd)");
    }
    return new ModelPrice(provider, pattern, from,
        price(f, 3, true, sourceName, lineNo), price(f, 4, true, sourceName, lineNo),
        price(f, 5, false, sourceName, lineNo), price(f, 6, false, sourceName, lineNo),
        price(f, 7, false, sourceName, lineNo), version, sourceName + ":" + lineNo);
  }

  private static BigDecimal price(String[] f, int column, boolean required, String sourceName,
      int lineNo) {
    String v = f[column].trim();
    if (v.isEmpty()) {
      if (required) {
        throw error(sourceName, lineNo, column, "is empty (a USD price per million tokens is required)");
      }
      return null;
    }
    BigDecimal d;
    try {
      d = new BigDecimal(v);
    } catch (NumberFormatException e) {
      throw error(sourceName, lineNo, column, "'" + v + "' is not a decimal number");
    }
    if (d.signum() < 0) {
      throw error(sourceName, lineNo, column, "'" + v + "' is negative");
    }
    return d;
  }

  private static IllegalArgumentException error(String sourceName, int lineNo, int column,
      String what) {
    return new IllegalArgumentException(sourceName + " line " + lineNo + ", column "
        + (column + 1) + " (" + COLUMNS[column] + "): " + what);
  }

  /** Splits one line on commas outside double quotes. */
  private static String[] split(String line, String sourceName, int lineNo) {
    List<String> fields = new ArrayList<String>(COLUMNS.length);
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.toString().trim().isEmpty()) {
        field.setLength(0);
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException(sourceName + " line " + lineNo + ", column "
          + (fields.size() + 1) + ": unterminated quoted field");
    }
    fields.add(field.toString());
    return fields.toArray(new String[0]);
  }
}
