package io.sightline.ingest.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable, ordered list of OTLP attributes with plain Java values: {@code String},
 * {@code Long}, {@code Double}, {@code Boolean}, {@code byte[]}, {@code List<Object>} (array) and
 * {@code Map<String, Object>} (kvlist). Nested values may contain {@code null} (an empty
 * {@code AnyValue}); top-level values never do.
 *
 * <p>Backed by two parallel arrays: decoding allocates no entry objects, and the normaliser walks
 * the attributes once by index. {@link #get} is a linear scan, fine for the handful of resource
 * lookups it serves. Duplicate keys (forbidden by OTLP, but possible on the wire) are kept as
 * sent; consumers that build maps let the last one win.
 */
public final class Attributes {
    public static final Attributes EMPTY = new Attributes(new String[0], new Object[0], 0);

    private final String[] keys;
    private final Object[] values;
    private final int size;

    private Attributes(String[] keys, Object[] values, int size) {
        this.keys = keys;
        this.values = values;
        this.size = size;
    }

    /** Alternating keys and values, for tests and hand-built spans. */
    public static Attributes of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keysAndValues must alternate key, value");
        }
        Builder b = builder(keysAndValues.length / 2);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            b.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return b.build();
    }

    public static Attributes fromMap(Map<String, ?> map) {
        Builder b = builder(map.size());
        map.forEach(b::put);
        return b.build();
    }

    public static Builder builder(int expectedSize) {
        return new Builder(expectedSize);
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public String key(int i) {
        Objects.checkIndex(i, size);
        return keys[i];
    }

    public Object value(int i) {
        Objects.checkIndex(i, size);
        return values[i];
    }

    /** The last value stored under {@code key}, or null. */
    public Object get(String key) {
        for (int i = size - 1; i >= 0; i--) {
            if (keys[i].equals(key)) {
                return values[i];
            }
        }
        return null;
    }

    /** The value under {@code key} coerced to a string (see {@link AttributeValues#asString}), or "". */
    public String getString(String key) {
        Object v = get(key);
        return v == null ? "" : AttributeValues.asString(v);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Attributes other) || other.size != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (!keys[i].equals(other.keys[i]) || !AttributeValues.deepEquals(values[i], other.values[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = 0; i < size; i++) {
            h = 31 * h + keys[i].hashCode();
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(keys[i]).append('=').append(AttributeValues.asString(values[i]));
        }
        return sb.append('}').toString();
    }

    /** Not thread-safe; {@link #build()} hands the arrays over, so build once. */
    public static final class Builder {
        private String[] keys;
        private Object[] values;
        private int size;

        private Builder(int expectedSize) {
            int n = Math.max(expectedSize, 4);
            keys = new String[n];
            values = new Object[n];
        }

        /** Adds one attribute; a null value (an empty AnyValue) is skipped: it says nothing. */
        public Builder put(String key, Object value) {
            Objects.requireNonNull(key, "key");
            if (value == null) {
                return this;
            }
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            keys[size] = key;
            values[size] = AttributeValues.checkSupported(value);
            size++;
            return this;
        }

        public int size() {
            return size;
        }

        public Attributes build() {
            if (size == 0) {
                return EMPTY;
            }
            Attributes a = new Attributes(keys, values, size);
            keys = null;
            values = null;
            return a;
        }
    }

    /** All keys, in order; for tests and diagnostics. */
    public List<String> keys() {
        List<String> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(keys[i]);
        }
        return out;
    }
}
