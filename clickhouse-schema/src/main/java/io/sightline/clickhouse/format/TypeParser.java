package io.sightline.clickhouse.format;

import io.sightline.clickhouse.format.ClickHouseType.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Recursive-descent parser for ClickHouse type names. */
final class TypeParser {
  private final String src;
  private int pos;

  TypeParser(String src) {
    this.src = src;
  }

  ClickHouseType parseType() {
    String name = identifier();
    skipSpaces();
    boolean hasArgs = peek() == '(';
    return switch (name) {
      case "UInt8" -> simple(Kind.UINT8, name);
      case "UInt16" -> simple(Kind.UINT16, name);
      case "UInt32" -> simple(Kind.UINT32, name);
      case "UInt64" -> simple(Kind.UINT64, name);
      case "Int8" -> simple(Kind.INT8, name);
      case "Int16" -> simple(Kind.INT16, name);
      case "Int32" -> simple(Kind.INT32, name);
      case "Int64" -> simple(Kind.INT64, name);
      case "Float32" -> simple(Kind.FLOAT32, name);
      case "Float64" -> simple(Kind.FLOAT64, name);
      case "Bool" -> simple(Kind.BOOL, name);
      case "String" -> simple(Kind.STRING, name);
      case "UUID" -> simple(Kind.UUID, name);
      case "Date" -> simple(Kind.DATE, name);
      case "Date32" -> simple(Kind.DATE32, name);
      case "Nothing" -> simple(Kind.NOTHING, name);
      case "DateTime" -> {
        String tz = hasArgs ? singleStringArg() : null;
        yield ClickHouseType.of(Kind.DATETIME, tz == null ? "DateTime" : "DateTime('" + tz + "')",
            List.of(), List.of(), 0, 0, Map.of());
      }
      case "DateTime64" -> dateTime64();
      case "FixedString" -> {
        expect('(');
        int n = (int) number();
        expect(')');
        yield ClickHouseType.of(Kind.FIXED_STRING, "FixedString(" + n + ")", List.of(), List.of(),
            n, 0, Map.of());
      }
      case "Decimal", "Decimal32", "Decimal64", "Decimal128", "Decimal256" -> decimal(name);
      case "Enum8", "Enum16" -> enumType(name);
      case "Nullable", "LowCardinality", "Array" -> wrapper(name);
      case "Map" -> map();
      case "Tuple" -> tuple();
      case "SimpleAggregateFunction" -> simpleAggregate();
      default -> throw error("unsupported type " + name);
    };
  }

  void expectEnd() {
    skipSpaces();
    if (pos != src.length()) {
      throw error("unexpected text");
    }
  }

  private ClickHouseType simple(Kind kind, String name) {
    return ClickHouseType.of(kind, name, List.of(), List.of(), 0, 0, Map.of());
  }

  private ClickHouseType dateTime64() {
    expect('(');
    int precision = (int) number();
    skipSpaces();
    String tz = null;
    if (peek() == ',') {
      pos++;
      skipSpaces();
      tz = quoted();
    }
    expect(')');
    String text = tz == null
        ? "DateTime64(" + precision + ")"
        : "DateTime64(" + precision + ", '" + tz + "')";
    return ClickHouseType.of(Kind.DATETIME64, text, List.of(), List.of(), precision, 0, Map.of());
  }

  private ClickHouseType decimal(String name) {
    expect('(');
    int first = (int) number();
    int precision;
    int scale;
    skipSpaces();
    if (name.equals("Decimal")) {
      precision = first;
      scale = 0;
      if (peek() == ',') {
        pos++;
        scale = (int) number();
      }
    } else {
      scale = first;
      precision = switch (name) {
        case "Decimal32" -> 9;
        case "Decimal64" -> 18;
        case "Decimal128" -> 38;
        default -> 76;
      };
    }
    expect(')');
    return ClickHouseType.of(Kind.DECIMAL, "Decimal(" + precision + ", " + scale + ")", List.of(),
        List.of(), precision, scale, Map.of());
  }

  private ClickHouseType enumType(String name) {
    expect('(');
    Map<String, Integer> codes = new LinkedHashMap<>();
    StringBuilder text = new StringBuilder(name).append('(');
    while (true) {
      skipSpaces();
      String value = quoted();
      expect('=');
      int code = (int) number();
      codes.put(value, code);
      if (codes.size() > 1) {
        text.append(", ");
      }
      text.append('\'').append(value.replace("\\", "\\\\").replace("'", "\\'"))
          .append("' = ").append(code);
      skipSpaces();
      if (peek() == ',') {
        pos++;
        continue;
      }
      expect(')');
      break;
    }
    Kind kind = name.equals("Enum8") ? Kind.ENUM8 : Kind.ENUM16;
    return ClickHouseType.of(kind, text.append(')').toString(), List.of(), List.of(), 0, 0, codes);
  }

  private ClickHouseType wrapper(String name) {
    expect('(');
    ClickHouseType inner = parseType();
    expect(')');
    Kind kind = switch (name) {
      case "Nullable" -> Kind.NULLABLE;
      case "LowCardinality" -> Kind.LOW_CARDINALITY;
      default -> Kind.ARRAY;
    };
    return ClickHouseType.of(kind, name + "(" + inner + ")", List.of(inner), List.of(), 0, 0,
        Map.of());
  }

  private ClickHouseType map() {
    expect('(');
    ClickHouseType key = parseType();
    expect(',');
    ClickHouseType value = parseType();
    expect(')');
    return ClickHouseType.of(Kind.MAP, "Map(" + key + ", " + value + ")", List.of(key, value),
        List.of(), 0, 0, Map.of());
  }

  private ClickHouseType tuple() {
    expect('(');
    List<ClickHouseType> elements = new ArrayList<>();
    List<String> names = new ArrayList<>();
    StringBuilder text = new StringBuilder("Tuple(");
    while (true) {
      skipSpaces();
      int start = pos;
      String first = identifier();
      skipSpaces();
      String elementName = null;
      if (Character.isLetter(peek()) || peek() == '_') {
        elementName = first; // named element: "name Type"
      } else {
        pos = start;
      }
      ClickHouseType t = parseType();
      if (!elements.isEmpty()) {
        text.append(", ");
      }
      if (elementName != null) {
        names.add(elementName);
        text.append(elementName).append(' ');
      }
      text.append(t);
      elements.add(t);
      skipSpaces();
      if (peek() == ',') {
        pos++;
        continue;
      }
      expect(')');
      break;
    }
    if (!names.isEmpty() && names.size() != elements.size()) {
      throw error("tuple mixes named and unnamed elements");
    }
    return ClickHouseType.of(Kind.TUPLE, text.append(')').toString(), elements, names, 0, 0,
        Map.of());
  }

  /** SimpleAggregateFunction(f, T) is stored and transferred exactly as T. */
  private ClickHouseType simpleAggregate() {
    expect('(');
    identifier();
    skipSpaces();
    if (peek() == '(') { // parameterised function such as groupUniqArrayArray(10)
      int depth = 0;
      do {
        char c = src.charAt(pos++);
        if (c == '(') {
          depth++;
        } else if (c == ')') {
          depth--;
        }
      } while (depth > 0);
    }
    expect(',');
    ClickHouseType inner = parseType();
    expect(')');
    return inner;
  }

  private String singleStringArg() {
    expect('(');
    skipSpaces();
    String s = quoted();
    expect(')');
    return s;
  }

  private String identifier() {
    skipSpaces();
    int start = pos;
    while (pos < src.length()
        && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
      pos++;
    }
    if (start == pos) {
      throw error("expected a type name");
    }
    return src.substring(start, pos);
  }

  private long number() {
    skipSpaces();
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
      pos++;
    }
    if (start == pos) {
      throw error("expected a number");
    }
    return Long.parseLong(src.substring(start, pos));
  }

  private String quoted() {
    skipSpaces();
    if (peek() != '\'') {
      throw error("expected a quoted string");
    }
    pos++;
    StringBuilder sb = new StringBuilder();
    while (pos < src.length()) {
      char c = src.charAt(pos++);
      if (c == '\\' && pos < src.length()) {
        sb.append(src.charAt(pos++));
      } else if (c == '\'') {
        return sb.toString();
      } else {
        sb.append(c);
      }
    }
    throw error("unterminated string");
  }

  private void expect(char c) {
    skipSpaces();
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private char peek() {
    return pos < src.length() ? src.charAt(pos) : '\0';
  }

  private void skipSpaces() {
    while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
      pos++;
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException(what + " at " + pos + " in type: " + src);
  }
}
