package io.sightline.clickhouse.format;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Decodes a {@code RowBinaryWithNamesAndTypes} result into {@link Row}s. */
public final class RowBinaryReader {
  public static final String FORMAT = "RowBinaryWithNamesAndTypes";

  private static final long[] POW10 = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  private final byte[] data;
  private final int end;
  private int pos;

  private RowBinaryReader(byte[] data, int length) {
    this.data = data;
    this.end = length;
  }

  public static List<Row> decode(byte[] data) {
    return decode(data, data.length);
  }

  public static List<Row> decode(byte[] data, int length) {
    if (length == 0) {
      return List.of(); // statements without a result set
    }
    return new RowBinaryReader(data, length).readAll();
  }

  private List<Row> readAll() {
    int n = Math.toIntExact(readVarUInt());
    List<String> names = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      names.add(readString());
    }
    List<ClickHouseType> types = new ArrayList<>(n);
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      types.add(ClickHouseType.parse(readString()));
      index.putIfAbsent(names.get(i), i);
    }
    Row.Columns columns = new Row.Columns(List.copyOf(names), List.copyOf(types),
        Collections.unmodifiableMap(index));
    List<Row> rows = new ArrayList<>();
    while (pos < end) {
      Object[] values = new Object[n];
      for (int i = 0; i < n; i++) {
        values[i] = readValue(types.get(i));
      }
      rows.add(new Row(columns, values));
    }
    return rows;
  }

  private Object readValue(ClickHouseType t) {
    return switch (t.kind()) {
      case UINT8 -> (long) (data[pos++] & 0xFF);
      case UINT16 -> (long) (readShort() & 0xFFFF);
      case UINT32 -> readInt() & 0xFFFFFFFFL;
      case UINT64, INT64 -> readLong();
      case INT8 -> (long) data[pos++];
      case INT16 -> (long) (short) readShort();
      case INT32 -> (long) readInt();
      case FLOAT32 -> (double) Float.intBitsToFloat(readInt());
      case FLOAT64 -> Double.longBitsToDouble(readLong());
      case BOOL -> data[pos++] != 0;
      case STRING -> readString();
      case FIXED_STRING -> readFixedString(t.fixedLength());
      case DATE -> LocalDate.ofEpochDay(readShort() & 0xFFFF);
      case DATE32 -> LocalDate.ofEpochDay(readInt());
      case DATETIME -> Instant.ofEpochSecond(readInt() & 0xFFFFFFFFL);
      case DATETIME64 -> ticksToInstant(readLong(), t.precision());
      case DECIMAL -> readDecimal(t);
      case UUID -> {
        long high = readLong();
        long low = readLong();
        yield new java.util.UUID(high, low);
      }
      case ENUM8 -> t.enumName(data[pos++]);
      case ENUM16 -> t.enumName((short) readShort());
      case NULLABLE -> data[pos++] != 0 ? null : readValue(t.element());
      case LOW_CARDINALITY -> readValue(t.element());
      case ARRAY -> {
        int n = Math.toIntExact(readVarUInt());
        List<Object> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          list.add(readValue(t.element()));
        }
        yield Collections.unmodifiableList(list);
      }
      case MAP -> {
        int n = Math.toIntExact(readVarUInt());
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
          Object k = readValue(t.keyType());
          map.put(k, readValue(t.valueType()));
        }
        yield Collections.unmodifiableMap(map);
      }
      case TUPLE -> {
        List<Object> list = new ArrayList<>(t.tupleElements().size());
        for (ClickHouseType e : t.tupleElements()) {
          list.add(readValue(e));
        }
        yield Collections.unmodifiableList(list);
      }
      case NOTHING -> {
        pos++; // Nullable(Nothing) carries one byte per value
        yield null;
      }
    };
  }

  static Instant ticksToInstant(long ticks, int precision) {
    long scale = POW10[precision];
    long seconds = Math.floorDiv(ticks, scale);
    long fraction = Math.floorMod(ticks, scale);
    return Instant.ofEpochSecond(seconds, fraction * POW10[9 - precision]);
  }

  private BigDecimal readDecimal(ClickHouseType t) {
    int width = t.decimalWidth();
    if (width == 4) {
      return BigDecimal.valueOf(readInt(), t.scale());
    } else if (width == 8) {
      return BigDecimal.valueOf(readLong(), t.scale());
    }
    byte[] be = new byte[width];
    for (int i = 0; i < width; i++) {
      be[width - 1 - i] = data[pos + i];
    }
    pos += width;
    return new BigDecimal(new BigInteger(be), t.scale());
  }

  private String readFixedString(int n) {
    int len = n;
    while (len > 0 && data[pos + len - 1] == 0) {
      len--;
    }
    String s = new String(data, pos, len, StandardCharsets.UTF_8);
    pos += n;
    return s;
  }

  private String readString() {
    int len = Math.toIntExact(readVarUInt());
    String s = new String(data, pos, len, StandardCharsets.UTF_8);
    pos += len;
    return s;
  }

  private long readVarUInt() {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      byte b = data[pos++];
      result |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw new IllegalStateException("malformed VarUInt");
  }

  private int readShort() {
    int v = (data[pos] & 0xFF) | (data[pos + 1] & 0xFF) << 8;
    pos += 2;
    return v;
  }

  private int readInt() {
    int v = (data[pos] & 0xFF) | (data[pos + 1] & 0xFF) << 8 | (data[pos + 2] & 0xFF) << 16
        | (data[pos + 3] & 0xFF) << 24;
    pos += 4;
    return v;
  }

  private long readLong() {
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = (v << 8) | (data[pos + i] & 0xFF);
    }
    pos += 8;
    return v;
  }
}
