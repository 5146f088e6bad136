package io.sightline.clickhouse.format;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable little-endian byte buffer for ClickHouse's binary formats. Not thread safe. */
public final class ByteBuf {
  private byte[] buf;
  private int size;

  public ByteBuf(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  public int size() {
    return size;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  /** The backing array; valid up to {@link #size()}. */
  public byte[] array() {
    return buf;
  }

  public void clear() {
    size = 0;
  }

  private void ensure(int extra) {
    int need = size + extra;
    if (need > buf.length) {
      long grown = Math.max((long) buf.length * 2, need);
      if (grown > Integer.MAX_VALUE - 16) {
        throw new IllegalStateException("batch larger than 2 GiB");
      }
      buf = Arrays.copyOf(buf, (int) grown);
    }
  }

  public void writeByte(int v) {
    ensure(1);
    buf[size++] = (byte) v;
  }

  public void writeShortLE(int v) {
    ensure(2);
    buf[size++] = (byte) v;
    buf[size++] = (byte) (v >>> 8);
  }

  public void writeIntLE(int v) {
    ensure(4);
    buf[size++] = (byte) v;
    buf[size++] = (byte) (v >>> 8);
    buf[size++] = (byte) (v >>> 16);
    buf[size++] = (byte) (v >>> 24);
  }

  public void writeLongLE(long v) {
    ensure(8);
    for (int i = 0; i < 8; i++) {
      buf[size++] = (byte) (v >>> (8 * i));
    }
  }

  public void writeVarUInt(long v) {
    ensure(10);
    while ((v & ~0x7FL) != 0) {
      buf[size++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buf[size++] = (byte) v;
  }

  public void writeBytes(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, buf, size, len);
    size += len;
  }

  public void writeBytes(byte[] b) {
    writeBytes(b, 0, b.length);
  }

  public void writeZeros(int n) {
    ensure(n);
    Arrays.fill(buf, size, size + n, (byte) 0);
    size += n;
  }

  /** Writes a ClickHouse String: VarUInt byte length, then the UTF-8 bytes. */
  public void writeString(String s) {
    int len = s.length();
    boolean ascii = true;
    for (int i = 0; i < len; i++) {
      if (s.charAt(i) >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      writeVarUInt(len);
      ensure(len);
      s.getBytes(0, len, buf, size); // ASCII fast path: one byte per char
      size += len;
    } else {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      writeVarUInt(b.length);
      writeBytes(b);
    }
  }

  /** Writes {@code s} as exactly {@code n} bytes, zero padded; longer values are rejected. */
  public void writeFixedString(String s, int n) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    if (b.length > n) {
      throw new IllegalArgumentException("value of " + b.length + " bytes for FixedString(" + n + ")");
    }
    writeBytes(b);
    writeZeros(n - b.length);
  }

  /** Appends another buffer's content. */
  public void writeBuf(ByteBuf other) {
    writeBytes(other.buf, 0, other.size);
  }
}
