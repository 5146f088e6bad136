package io.sightline.clickhouse.embedded;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/**
 * Downcall handles for the {@code chdb_*} C API of libchdb (see chDB's {@code chdb.h}), bound
 * with the Java FFM API. Loaded once per process; the library stays mapped until exit.
 */
final class ChdbLibrary {
  static final AddressLayout ADDRESS = ValueLayout.ADDRESS;
  private static final ValueLayout.OfLong SIZE_T = ValueLayout.JAVA_LONG;
  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;

  final MethodHandle version;
  final MethodHandle setSignalHandlersEnabled;
  final MethodHandle connect;
  final MethodHandle closeConn;
  final MethodHandle shutdown;
  final MethodHandle queryWithParamsN;
  final MethodHandle streamQueryWithParamsN;
  final MethodHandle streamFetchResult;
  final MethodHandle streamCancelQuery;
  final MethodHandle destroyQueryResult;
  final MethodHandle resultBuffer;
  final MethodHandle resultLength;
  final MethodHandle resultError;
  final MethodHandle resultRowsWritten;
  final MethodHandle streamInsertN;
  final MethodHandle streamAppend;
  final MethodHandle streamDone;
  final MethodHandle streamInsertError;
  final MethodHandle destroyInsertStream;

  private ChdbLibrary(SymbolLookup lib) {
    Linker linker = Linker.nativeLinker();
    Binder b = (name, fd) -> linker.downcallHandle(
        lib.find(name).orElseThrow(() -> new UnsatisfiedLinkError(
            "libchdb has no symbol " + name + ": the library is older than 26.7")), fd);
    version = b.bind("chdb_version", FunctionDescriptor.of(ADDRESS));
    setSignalHandlersEnabled = b.bind("chdb_set_signal_handlers_enabled",
        FunctionDescriptor.ofVoid(INT));
    connect = b.bind("chdb_connect", FunctionDescriptor.of(ADDRESS, INT, ADDRESS));
    closeConn = b.bind("chdb_close_conn", FunctionDescriptor.ofVoid(ADDRESS));
    shutdown = b.bind("chdb_shutdown", FunctionDescriptor.of(INT));
    FunctionDescriptor withParams = FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, SIZE_T,
        ADDRESS, SIZE_T, ADDRESS, ADDRESS, ADDRESS, ADDRESS, SIZE_T);
    queryWithParamsN = b.bind("chdb_query_with_params_n", withParams);
    streamQueryWithParamsN = b.bind("chdb_stream_query_with_params_n", withParams);
    streamFetchResult = b.bind("chdb_stream_fetch_result",
        FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
    streamCancelQuery = b.bind("chdb_stream_cancel_query",
        FunctionDescriptor.ofVoid(ADDRESS, ADDRESS));
    destroyQueryResult = b.bind("chdb_destroy_query_result", FunctionDescriptor.ofVoid(ADDRESS));
    resultBuffer = b.bind("chdb_result_buffer", FunctionDescriptor.of(ADDRESS, ADDRESS));
    resultLength = b.bind("chdb_result_length", FunctionDescriptor.of(SIZE_T, ADDRESS));
    resultError = b.bind("chdb_result_error", FunctionDescriptor.of(ADDRESS, ADDRESS));
    resultRowsWritten = b.bind("chdb_result_rows_written", FunctionDescriptor.of(SIZE_T, ADDRESS));
    streamInsertN = b.bind("chdb_stream_insert_n",
        FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, SIZE_T, ADDRESS, SIZE_T));
    streamAppend = b.bind("chdb_stream_append",
        FunctionDescriptor.of(INT, ADDRESS, ADDRESS, SIZE_T));
    streamDone = b.bind("chdb_stream_done", FunctionDescriptor.of(ADDRESS, ADDRESS));
    streamInsertError = b.bind("chdb_stream_insert_error", FunctionDescriptor.of(ADDRESS, ADDRESS));
    destroyInsertStream = b.bind("chdb_destroy_insert_stream", FunctionDescriptor.ofVoid(ADDRESS));
  }

  @FunctionalInterface
  private interface Binder {
    MethodHandle bind(String name, FunctionDescriptor fd);
  }

  static ChdbLibrary load(Path library) {
    return new ChdbLibrary(SymbolLookup.libraryLookup(library, Arena.global()));
  }

  /** Reads a NUL-terminated C string, or returns null for a NULL pointer. */
  static String cString(MemorySegment p) {
    if (p == null || p.equals(MemorySegment.NULL)) {
      return null;
    }
    return p.reinterpret(Integer.MAX_VALUE).getString(0);
  }

  String version() {
    try {
      return cString((MemorySegment) version.invokeExact());
    } catch (Throwable t) {
      throw new IllegalStateException("chdb_version failed", t);
    }
  }
}
