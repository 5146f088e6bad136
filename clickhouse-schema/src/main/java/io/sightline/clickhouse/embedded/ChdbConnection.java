package io.sightline.clickhouse.embedded;

import io.sightline.clickhouse.ClickHouseException;
import io.sightline.clickhouse.Statement;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One chDB connection. A connection runs one statement at a time, so callers lease it from a
 * pool for the duration of a statement; it is not thread safe on its own.
 */
final class ChdbConnection implements AutoCloseable {
  private static final int APPEND_CHUNK = 4 << 20;

  private final ChdbLibrary lib;
  private final MemorySegment handle; // chdb_connection* as returned by chdb_connect
  private final MemorySegment conn; // *handle: the chdb_connection the query calls take
  private boolean closed;

  ChdbConnection(ChdbLibrary lib, MemorySegment handle) {
    this.lib = lib;
    this.handle = handle.reinterpret(ChdbLibrary.ADDRESS.byteSize());
    this.conn = this.handle.get(ChdbLibrary.ADDRESS, 0);
  }

  /** Runs a statement and returns its whole result in {@code format}. */
  byte[] query(Statement st, String format) {
    try (Arena arena = Arena.ofConfined()) {
      Call c = new Call(arena, st, format);
      MemorySegment result = (MemorySegment) lib.queryWithParamsN.invokeExact(conn, c.sql, c.sqlLen,
          c.format, c.formatLen, c.names, c.nameLens, c.values, c.valueLens, c.count);
      try {
        checkResult(result, st);
        return copyBuffer(result);
      } finally {
        lib.destroyQueryResult.invokeExact(result);
      }
    } catch (ClickHouseException e) {
      throw e;
    } catch (Throwable t) {
      throw new ClickHouseException(0, "", "native call failed: " + t, st.name(), st.sql(), t);
    }
  }

  /** Runs a statement and writes its result in {@code format} to {@code sink} chunk by chunk. */
  void stream(Statement st, String format, OutputStream sink) {
    try (Arena arena = Arena.ofConfined()) {
      Call c = new Call(arena, st, format);
      MemorySegment stream = (MemorySegment) lib.streamQueryWithParamsN.invokeExact(conn, c.sql,
          c.sqlLen, c.format, c.formatLen, c.names, c.nameLens, c.values, c.valueLens, c.count);
      boolean finished = false;
      try {
        checkResult(stream, st);
        while (true) {
          MemorySegment chunk = (MemorySegment) lib.streamFetchResult.invokeExact(conn, stream);
          try {
            checkResult(chunk, st);
            byte[] bytes = copyBuffer(chunk);
            if (bytes.length == 0) {
              finished = true;
              break;
            }
            sink.write(bytes);
          } finally {
            lib.destroyQueryResult.invokeExact(chunk);
          }
        }
      } finally {
        if (!finished) {
          lib.streamCancelQuery.invokeExact(conn, stream);
        }
        lib.destroyQueryResult.invokeExact(stream);
      }
    } catch (ClickHouseException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException("writing query result failed", e);
    } catch (Throwable t) {
      throw new ClickHouseException(0, "", "native call failed: " + t, st.name(), st.sql(), t);
    }
  }

  /**
   * Streams {@code data} into {@code insertSql} ({@code INSERT INTO t (cols)}) in {@code format}.
   * chDB's streaming insert is the only binary-safe path: statement text is split at ';' bytes.
   */
  long insert(String insertSql, String format, byte[] data, String name) {
    try (Arena arena = Arena.ofConfined()) {
      byte[] sqlBytes = insertSql.getBytes(StandardCharsets.UTF_8);
      byte[] fmtBytes = format.getBytes(StandardCharsets.UTF_8);
      MemorySegment stream = (MemorySegment) lib.streamInsertN.invokeExact(conn,
          arena.allocateFrom(ValueLayout.JAVA_BYTE, sqlBytes), (long) sqlBytes.length,
          arena.allocateFrom(ValueLayout.JAVA_BYTE, fmtBytes), (long) fmtBytes.length);
      try {
        String initError = ChdbLibrary.cString((MemorySegment) lib.streamInsertError.invokeExact(stream));
        if (initError != null) {
          throw ClickHouseException.fromServerMessage(initError, name, insertSql);
        }
        if (data.length > 0) {
          MemorySegment offHeap = arena.allocate(data.length);
          MemorySegment.copy(data, 0, offHeap, ValueLayout.JAVA_BYTE, 0, data.length);
          for (long off = 0; off < data.length; off += APPEND_CHUNK) {
            long len = Math.min(APPEND_CHUNK, data.length - off);
            int state = (int) lib.streamAppend.invokeExact(stream, offHeap.asSlice(off, len), len);
            if (state != 0) {
              String err = ChdbLibrary.cString((MemorySegment) lib.streamInsertError.invokeExact(stream));
              throw ClickHouseException.fromServerMessage(err, name, insertSql);
            }
          }
        }
        MemorySegment result = (MemorySegment) lib.streamDone.invokeExact(stream);
        try {
          checkResult(result, name, insertSql);
          return (long) lib.resultRowsWritten.invokeExact(result);
        } finally {
          lib.destroyQueryResult.invokeExact(result);
        }
      } finally {
        lib.destroyInsertStream.invokeExact(stream);
      }
    } catch (ClickHouseException e) {
      throw e;
    } catch (Throwable t) {
      throw new ClickHouseException(0, "", "native call failed: " + t, name, insertSql, t);
    }
  }

  private void checkResult(MemorySegment result, Statement st) throws Throwable {
    if (result.equals(MemorySegment.NULL)) {
      throw new ClickHouseException(0, "", "chDB returned no result", st.name(), st.sql(), null);
    }
    String error = ChdbLibrary.cString((MemorySegment) lib.resultError.invokeExact(result));
    if (error != null) {
      throw ClickHouseException.fromServerMessage(error, st);
    }
  }

  private void checkResult(MemorySegment result, String name, String sql) throws Throwable {
    if (result.equals(MemorySegment.NULL)) {
      throw new ClickHouseException(0, "", "chDB returned no result", name, sql, null);
    }
    String error = ChdbLibrary.cString((MemorySegment) lib.resultError.invokeExact(result));
    if (error != null) {
      throw ClickHouseException.fromServerMessage(error, name, sql);
    }
  }

  private byte[] copyBuffer(MemorySegment result) throws Throwable {
    long len = (long) lib.resultLength.invokeExact(result);
    if (len == 0) {
      return new byte[0];
    }
    MemorySegment buf = (MemorySegment) lib.resultBuffer.invokeExact(result);
    return buf.reinterpret(len).toArray(ValueLayout.JAVA_BYTE);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      lib.closeConn.invokeExact(handle);
    } catch (Throwable t) {
      throw new IllegalStateException("chdb_close_conn failed", t);
    }
  }

  /** Native arguments of a parameterised call, allocated in the call's arena. */
  private static final class Call {
    final MemorySegment sql;
    final long sqlLen;
    final MemorySegment format;
    final long formatLen;
    final MemorySegment names;
    final MemorySegment nameLens;
    final MemorySegment values;
    final MemorySegment valueLens;
    final long count;

    Call(Arena arena, Statement st, String fmt) {
      byte[] sqlBytes = st.sql().getBytes(StandardCharsets.UTF_8);
      sql = arena.allocateFrom(ValueLayout.JAVA_BYTE, sqlBytes);
      sqlLen = sqlBytes.length;
      byte[] fmtBytes = fmt.getBytes(StandardCharsets.UTF_8);
      format = arena.allocateFrom(ValueLayout.JAVA_BYTE, fmtBytes);
      formatLen = fmtBytes.length;
      Map<String, String> params = st.encodedParams();
      count = params.size();
      long n = Math.max(1, count);
      names = arena.allocate(ChdbLibrary.ADDRESS, n);
      nameLens = arena.allocate(ValueLayout.JAVA_LONG, n);
      values = arena.allocate(ChdbLibrary.ADDRESS, n);
      valueLens = arena.allocate(ValueLayout.JAVA_LONG, n);
      int i = 0;
      for (Map.Entry<String, String> e : params.entrySet()) {
        byte[] k = e.getKey().getBytes(StandardCharsets.UTF_8);
        byte[] v = e.getValue().getBytes(StandardCharsets.UTF_8);
        names.setAtIndex(ChdbLibrary.ADDRESS, i, arena.allocateFrom(ValueLayout.JAVA_BYTE, k));
        nameLens.setAtIndex(ValueLayout.JAVA_LONG, i, k.length);
        // allocate at least one byte so an empty value still has a valid pointer
        MemorySegment value = arena.allocate(Math.max(1, v.length));
        MemorySegment.copy(v, 0, value, ValueLayout.JAVA_BYTE, 0, v.length);
        values.setAtIndex(ChdbLibrary.ADDRESS, i, value);
        valueLens.setAtIndex(ValueLayout.JAVA_LONG, i, v.length);
        i++;
      }
    }
  }
}
