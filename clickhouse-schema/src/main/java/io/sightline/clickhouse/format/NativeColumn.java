package io.sightline.clickhouse.format;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One column of a Native-format block, accumulated value by value. Native stores a block column
 * by column: scalars back to back, Nullable as a null map then the values, Array and Map as
 * cumulative offsets then their flattened elements. LowCardinality columns are sent as their
 * inner type (the header says so) and ClickHouse converts them on insert.
 */
abstract class NativeColumn {

  static NativeColumn create(ClickHouseType type) {
    return switch (type.kind()) {
      case NULLABLE -> new NullableColumn(type);
      case LOW_CARDINALITY -> create(type.element());
      case ARRAY -> new ArrayColumn(type);
      case MAP -> new MapColumn(type);
      case TUPLE -> new TupleColumn(type);
      default -> new ScalarColumn(type);
    };
  }

  abstract void add(Object value);

  abstract void writeData(ByteBuf out);

  private static final class ScalarColumn extends NativeColumn {
    private final ClickHouseType type;
    private final ByteBuf data = new ByteBuf(1024);

    ScalarColumn(ClickHouseType type) {
      this.type = type;
    }

    @Override
    void add(Object value) {
      ValueWriter.write(data, type, value);
    }

    @Override
    void writeData(ByteBuf out) {
      out.writeBuf(data);
    }
  }

  private static final class NullableColumn extends NativeColumn {
    private final ByteBuf nullMap = new ByteBuf(256);
    private final NativeColumn values;

    NullableColumn(ClickHouseType type) {
      values = create(type.element());
    }

    @Override
    void add(Object value) {
      nullMap.writeByte(value == null ? 1 : 0);
      values.add(value); // a null writes the nested type's default, as Native requires
    }

    @Override
    void writeData(ByteBuf out) {
      out.writeBuf(nullMap);
      values.writeData(out);
    }
  }

  private static final class ArrayColumn extends NativeColumn {
    private final ByteBuf offsets = new ByteBuf(256);
    private final NativeColumn elements;
    private long total;

    ArrayColumn(ClickHouseType type) {
      elements = create(type.element());
    }

    @Override
    void add(Object value) {
      Collection<?> c = ValueWriter.asCollection(value);
      for (Object e : c) {
        elements.add(e);
      }
      total += c.size();
      offsets.writeLongLE(total);
    }

    @Override
    void writeData(ByteBuf out) {
      out.writeBuf(offsets);
      elements.writeData(out);
    }
  }

  private static final class MapColumn extends NativeColumn {
    private final ByteBuf offsets = new ByteBuf(256);
    private final NativeColumn keys;
    private final NativeColumn values;
    private long total;

    MapColumn(ClickHouseType type) {
      keys = create(type.keyType());
      values = create(type.valueType());
    }

    @Override
    void add(Object value) {
      Map<?, ?> m = value == null ? Map.of() : (Map<?, ?>) value;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        keys.add(e.getKey());
        values.add(e.getValue());
      }
      total += m.size();
      offsets.writeLongLE(total);
    }

    @Override
    void writeData(ByteBuf out) {
      out.writeBuf(offsets);
      keys.writeData(out);
      values.writeData(out);
    }
  }

  private static final class TupleColumn extends NativeColumn {
    private final NativeColumn[] elements;

    TupleColumn(ClickHouseType type) {
      List<ClickHouseType> types = type.tupleElements();
      elements = new NativeColumn[types.size()];
      for (int i = 0; i < elements.length; i++) {
        elements[i] = create(types.get(i));
      }
    }

    @Override
    void add(Object value) {
      List<?> values = value == null ? null : (List<?>) value;
      for (int i = 0; i < elements.length; i++) {
        elements[i].add(values == null ? null : values.get(i));
      }
    }

    @Override
    void writeData(ByteBuf out) {
      for (NativeColumn e : elements) {
        e.writeData(out);
      }
    }
  }
}
