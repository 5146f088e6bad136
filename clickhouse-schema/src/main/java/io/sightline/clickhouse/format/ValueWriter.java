package io.sightline.clickhouse.format;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes one Java value in ClickHouse's RowBinary encoding for a column type. Scalar columns in
 * the Native format use the same per-value encoding, so both insert formats share this code.
 * A {@code null} for a non-Nullable type writes the type's default (0, empty string, empty array).
 */
final class ValueWriter {
  private static final long[] POW10 = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  private ValueWriter() {}

  static void write(ByteBuf out, ClickHouseType t, Object v) {
    switch (t.kind()) {
      case UINT8, INT8 -> out.writeByte((int) asLong(v));
      case BOOL -> out.writeByte(asBoolean(v) ? 1 : 0);
      case UINT16, INT16 -> out.writeShortLE((int) asLong(v));
      case UINT32, INT32 -> out.writeIntLE((int) asLong(v));
      case UINT64, INT64 -> out.writeLongLE(asLong(v));
      case FLOAT32 -> out.writeIntLE(Float.floatToIntBits((float) asDouble(v)));
      case FLOAT64 -> out.writeLongLE(Double.doubleToLongBits(asDouble(v)));
      case STRING -> out.writeString(v == null ? "" : v.toString());
      case FIXED_STRING -> out.writeFixedString(v == null ? "" : v.toString(), t.fixedLength());
      case DATE -> out.writeShortLE((int) (v == null ? 0 : ((LocalDate) v).toEpochDay()));
      case DATE32 -> out.writeIntLE((int) (v == null ? 0 : ((LocalDate) v).toEpochDay()));
      case DATETIME -> out.writeIntLE((int) (v == null ? 0 : ((Instant) v).getEpochSecond()));
      case DATETIME64 -> out.writeLongLE(ticks(v, t.precision()));
      case DECIMAL -> writeDecimal(out, t, v);
      case UUID -> {
        UUID u = v == null ? new UUID(0, 0) : (UUID) v;
        out.writeLongLE(u.getMostSignificantBits());
        out.writeLongLE(u.getLeastSignificantBits());
      }
      case ENUM8 -> out.writeByte(enumCode(t, v));
      case ENUM16 -> out.writeShortLE(enumCode(t, v));
      case NULLABLE -> {
        if (v == null) {
          out.writeByte(1);
        } else {
          out.writeByte(0);
          write(out, t.element(), v);
        }
      }
      case LOW_CARDINALITY -> write(out, t.element(), v);
      case ARRAY -> {
        Collection<?> c = asCollection(v);
        out.writeVarUInt(c.size());
        for (Object e : c) {
          write(out, t.element(), e);
        }
      }
      case MAP -> {
        Map<?, ?> m = v == null ? Map.of() : (Map<?, ?>) v;
        out.writeVarUInt(m.size());
        for (Map.Entry<?, ?> e : m.entrySet()) {
          write(out, t.keyType(), e.getKey());
          write(out, t.valueType(), e.getValue());
        }
      }
      case TUPLE -> {
        List<?> values = v == null ? null : (List<?>) v;
        List<ClickHouseType> types = t.tupleElements();
        for (int i = 0; i < types.size(); i++) {
          write(out, types.get(i), values == null ? null : values.get(i));
        }
      }
      case NOTHING -> throw new IllegalArgumentException("cannot write values of type Nothing");
    }
  }

  static Collection<?> asCollection(Object v) {
    if (v == null) {
      return List.of();
    }
    if (v instanceof Collection<?> c) {
      return c;
    }
    if (v instanceof Object[] a) {
      return List.of(a);
    }
    throw new IllegalArgumentException("expected a collection, got " + v.getClass().getName());
  }

  static long ticks(Object v, int precision) {
    if (v == null) {
      return 0;
    }
    if (v instanceof Long l) {
      return l;
    }
    Instant i = (Instant) v;
    return Math.addExact(Math.multiplyExact(i.getEpochSecond(), POW10[precision]),
        i.getNano() / POW10[9 - precision]);
  }

  private static long asLong(Object v) {
    if (v == null) {
      return 0;
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    return ((Number) v).longValue();
  }

  private static double asDouble(Object v) {
    return v == null ? 0 : ((Number) v).doubleValue();
  }

  private static boolean asBoolean(Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    return asLong(v) != 0;
  }

  private static int enumCode(ClickHouseType t, Object v) {
    if (v instanceof Number n) {
      return n.intValue();
    }
    if (v == null) {
      return t.enumCode(t.enumFirstName()); // an Enum column's default is its first value
    }
    return t.enumCode(v instanceof Enum<?> e ? e.name().toLowerCase(java.util.Locale.ROOT) : v.toString());
  }

  private static void writeDecimal(ByteBuf out, ClickHouseType t, Object v) {
    BigDecimal d = switch (v) {
      case null -> BigDecimal.ZERO;
      case BigDecimal b -> b;
      case Double dbl -> BigDecimal.valueOf(dbl);
      case Number n -> new BigDecimal(n.toString());
      default -> new BigDecimal(v.toString());
    };
    BigInteger unscaled = d.setScale(t.scale(), RoundingMode.HALF_EVEN).unscaledValue();
    int width = t.decimalWidth();
    if (width == 4) {
      out.writeIntLE(unscaled.intValueExact());
    } else if (width == 8) {
      out.writeLongLE(unscaled.longValueExact());
    } else {
      byte[] be = unscaled.toByteArray();
      if (be.length > width) {
        throw new ArithmeticException(d + " does not fit " + t);
      }
      byte pad = (byte) (unscaled.signum() < 0 ? 0xFF : 0);
      for (int i = 0; i < width; i++) {
        out.writeByte(i < be.length ? be[be.length - 1 - i] : pad);
      }
    }
  }
}
