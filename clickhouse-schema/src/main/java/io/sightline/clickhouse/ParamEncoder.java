package io.sightline.clickhouse;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

/**
 * Renders a Java value as the text ClickHouse parses for a query parameter. ClickHouse reads a
 * top-level parameter in its "escaped" text form (backslash escapes) and array elements in
 * quoted form; both transports (chDB's {@code chdb_query_with_params} and the HTTP interface's
 * {@code param_<name>}) pass this text to the same parser.
 */
final class ParamEncoder {
  private ParamEncoder() {}

  static String encode(Object value) {
    if (value == null) {
      return "\\N";
    }
    if (value instanceof Collection<?> c) {
      StringBuilder sb = new StringBuilder("[");
      boolean first = true;
      for (Object e : c) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        appendQuoted(sb, e);
      }
      return sb.append(']').toString();
    }
    if (value instanceof String s) {
      return escape(s);
    }
    return scalar(value);
  }

  private static String scalar(Object value) {
    return switch (value) {
      case Boolean b -> b ? "true" : "false";
      case BigDecimal d -> d.toPlainString();
      case Double d when d.isNaN() -> "nan";
      case Double d when d.isInfinite() -> d > 0 ? "inf" : "-inf";
      case Number n -> n.toString();
      case Instant i -> Long.toString(epochNanos(i));
      case UUID u -> u.toString();
      case Enum<?> e -> e.name();
      default -> throw new IllegalArgumentException(
          "unsupported parameter type " + value.getClass().getName());
    };
  }

  static long epochNanos(Instant i) {
    return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano());
  }

  private static void appendQuoted(StringBuilder sb, Object e) {
    if (e == null) {
      sb.append("NULL");
    } else if (e instanceof String s) {
      sb.append('\'');
      for (int i = 0; i < s.length(); i++) {
        char ch = s.charAt(i);
        switch (ch) {
          case '\'' -> sb.append("\\'");
          case '\\' -> sb.append("\\\\");
          case '\n' -> sb.append("\\n");
          case '\t' -> sb.append("\\t");
          case '\r' -> sb.append("\\r");
          case '\0' -> sb.append("\\0");
          default -> sb.append(ch);
        }
      }
      sb.append('\'');
    } else if (e instanceof Collection<?>) {
      sb.append(encode(e));
    } else if (e instanceof UUID || e instanceof Enum<?>) {
      sb.append('\'').append(scalar(e)).append('\'');
    } else {
      sb.append(scalar(e));
    }
  }

  private static String escape(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      String rep = switch (ch) {
        case '\\' -> "\\\\";
        case '\n' -> "\\n";
        case '\t' -> "\\t";
        case '\r' -> "\\r";
        case '\0' -> "\\0";
        default -> null;
      };
      if (rep != null && sb == null) {
        sb = new StringBuilder(s.length() + 8).append(s, 0, i);
      }
      if (sb != null) {
        if (rep != null) {
          sb.append(rep);
        } else {
          sb.append(ch);
        }
      }
    }
    return sb == null ? s : sb.toString();
  }
}
