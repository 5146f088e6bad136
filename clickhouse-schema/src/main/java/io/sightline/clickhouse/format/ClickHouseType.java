package io.sightline.clickhouse.format;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed ClickHouse data type, as written in DDL and in RowBinaryWithNamesAndTypes headers:
 * {@code Map(LowCardinality(String), String)}, {@code DateTime64(9, 'UTC')},
 * {@code Enum8('ok' = 1, 'error' = 2)}, {@code Decimal(18, 9)}. Covers the types Sightline's
 * schema uses; anything else is rejected when parsed, not when a value is met.
 */
public final class ClickHouseType {

  /** The physical kind that decides how values are encoded. */
  public enum Kind {
    UINT8(1), UINT16(2), UINT32(4), UINT64(8), INT8(1), INT16(2), INT32(4), INT64(8),
    FLOAT32(4), FLOAT64(8), BOOL(1), STRING(0), FIXED_STRING(0), DATE(2), DATE32(4),
    DATETIME(4), DATETIME64(8), DECIMAL(0), UUID(16), ENUM8(1), ENUM16(2), NULLABLE(0),
    LOW_CARDINALITY(0), ARRAY(0), MAP(0), TUPLE(0), NOTHING(0);

    /** Width in bytes of fixed-size kinds, 0 for the others. */
    final int width;

    Kind(int width) {
      this.width = width;
    }
  }

  private final Kind kind;
  private final String text;
  private final List<ClickHouseType> children;
  private final List<String> elementNames;
  private final int size; // FixedString length, DateTime64 precision, Decimal precision
  private final int scale; // Decimal scale
  private final Map<String, Integer> enumCodes;
  private final Map<Integer, String> enumNames;

  private ClickHouseType(Kind kind, String text, List<ClickHouseType> children,
      List<String> elementNames, int size, int scale, Map<String, Integer> enumCodes) {
    this.kind = kind;
    this.text = text;
    this.children = List.copyOf(children);
    this.elementNames = Collections.unmodifiableList(new ArrayList<>(elementNames));
    this.size = size;
    this.scale = scale;
    this.enumCodes = Collections.unmodifiableMap(new LinkedHashMap<>(enumCodes));
    Map<Integer, String> names = new LinkedHashMap<>();
    enumCodes.forEach((k, v) -> names.put(v, k));
    this.enumNames = Collections.unmodifiableMap(names);
  }

  /** Parses a type name, for example {@code Array(LowCardinality(String))}. */
  public static ClickHouseType parse(String type) {
    Objects.requireNonNull(type, "type == null");
    TypeParser p = new TypeParser(type);
    ClickHouseType t = p.parseType();
    p.expectEnd();
    return t;
  }

  static ClickHouseType of(Kind kind, String text, List<ClickHouseType> children,
      List<String> elementNames, int size, int scale, Map<String, Integer> enumCodes) {
    return new ClickHouseType(kind, text, children, elementNames, size, scale, enumCodes);
  }

  public Kind kind() {
    return kind;
  }

  /** The type as written, normalised for whitespace. */
  @Override
  public String toString() {
    return text;
  }

  /** Element type of Array, inner type of Nullable and LowCardinality. */
  public ClickHouseType element() {
    return children.get(0);
  }

  /** Key type of a Map. */
  public ClickHouseType keyType() {
    return children.get(0);
  }

  /** Value type of a Map. */
  public ClickHouseType valueType() {
    return children.get(1);
  }

  /** Element types of a Tuple. */
  public List<ClickHouseType> tupleElements() {
    return children;
  }

  /** Element names of a named Tuple, or an empty list. */
  public List<String> tupleNames() {
    return elementNames;
  }

  /** FixedString length. */
  public int fixedLength() {
    return size;
  }

  /** DateTime64 or Decimal precision. */
  public int precision() {
    return size;
  }

  /** Decimal scale. */
  public int scale() {
    return scale;
  }

  /** Decimal storage width in bytes (4, 8, 16 or 32). */
  public int decimalWidth() {
    if (size <= 9) {
      return 4;
    } else if (size <= 18) {
      return 8;
    } else if (size <= 38) {
      return 16;
    }
    return 32;
  }

  /** Enum code for a value name; throws for unknown names. */
  public int enumCode(String name) {
    Integer code = enumCodes.get(name);
    if (code == null) {
      throw new IllegalArgumentException("'" + name + "' is not a value of " + text);
    }
    return code;
  }

  /** The first declared value of an Enum: the column default. */
  public String enumFirstName() {
    return enumCodes.keySet().iterator().next();
  }

  /** Enum value name for a code. */
  public String enumName(int code) {
    String name = enumNames.get(code);
    if (name == null) {
      throw new IllegalArgumentException(code + " is not a code of " + text);
    }
    return name;
  }

  /** The type with LowCardinality wrappers removed at every level: what RowBinary carries. */
  public ClickHouseType withoutLowCardinality() {
    if (kind == Kind.LOW_CARDINALITY) {
      return element().withoutLowCardinality();
    }
    if (children.isEmpty()) {
      return this;
    }
    List<ClickHouseType> plain = new ArrayList<>();
    boolean changed = false;
    for (ClickHouseType c : children) {
      ClickHouseType p = c.withoutLowCardinality();
      changed |= p != c;
      plain.add(p);
    }
    if (!changed) {
      return this;
    }
    return parse(switch (kind) {
      case ARRAY -> "Array(" + plain.get(0) + ")";
      case NULLABLE -> "Nullable(" + plain.get(0) + ")";
      case MAP -> "Map(" + plain.get(0) + ", " + plain.get(1) + ")";
      case TUPLE -> {
        StringBuilder sb = new StringBuilder("Tuple(");
        for (int i = 0; i < plain.size(); i++) {
          if (i > 0) {
            sb.append(", ");
          }
          if (!elementNames.isEmpty()) {
            sb.append(elementNames.get(i)).append(' ');
          }
          sb.append(plain.get(i));
        }
        yield sb.append(')').toString();
      }
      default -> throw new IllegalStateException(text);
    });
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClickHouseType t && t.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }
}
