package io.sightline.clickhouse.embedded;

import io.sightline.clickhouse.ClickHouseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ClickHouse engine inside this JVM (libchdb). chDB allows one data directory per process,
 * so the engine is a process-wide singleton: the first {@link #start} loads the library, turns
 * chDB's signal handlers off (the JVM relies on its own SIGSEGV/SIGBUS handling), and opens an
 * anchor connection that keeps the engine up until the JVM exits. Gateways open further
 * connections to the same directory.
 *
 * <p>At JVM exit a shutdown hook waits, for up to {@link #EXIT_GRACE}, until no statement is
 * running and every gateway opened as {@linkplain EmbeddedGateway#open holding the engine} has
 * closed (the server closes its gateway after draining its queue), then closes every connection
 * and stops the engine's threads. Exiting with a connection open can abort the process with
 * {@code libc++abi: terminating ... mutex lock failed}.
 */
public final class EmbeddedEngine {
  /** How long the exit hook waits for open gateways to close before closing the engine. */
  static final Duration EXIT_GRACE = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedEngine.class);
  private static final Object LOCK = new Object();
  private static EmbeddedEngine instance;

  private final ChdbLibrary lib;
  private final Path dataDir;
  private final String version;
  private final List<ChdbConnection> connections = new ArrayList<>();
  private int holdingGateways;
  private int runningStatements;
  private boolean stopped;

  private EmbeddedEngine(ChdbLibrary lib, Path dataDir) {
    this.lib = lib;
    this.dataDir = dataDir;
    this.version = lib.version();
  }

  /**
   * Starts the engine on {@code dataDir}, or returns the running one. Fails if the running
   * engine uses another directory: chDB serves one directory per process.
   */
  public static EmbeddedEngine start(Path library, Path dataDir) {
    Path dir = dataDir.toAbsolutePath().normalize();
    synchronized (LOCK) {
      if (instance != null) {
        if (!instance.dataDir.equals(dir)) {
          throw new IllegalStateException("the embedded ClickHouse engine already runs on "
              + instance.dataDir + "; one process serves one data directory, not also " + dir);
        }
        if (instance.stopped) {
          throw new IllegalStateException("the embedded ClickHouse engine was shut down");
        }
        return instance;
      }
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create data directory " + dir, e);
      }
      ChdbLibrary lib = ChdbLibrary.load(library);
      try {
        lib.setSignalHandlersEnabled.invokeExact(0);
      } catch (Throwable t) {
        throw new IllegalStateException("chdb_set_signal_handlers_enabled failed", t);
      }
      EmbeddedEngine engine = new EmbeddedEngine(lib, dir);
      engine.connect(); // the anchor: keeps the engine up for the life of the process
      Runtime.getRuntime().addShutdownHook(new Thread(engine::stopAtExit, "sightline-chdb-exit"));
      LOG.info("embedded ClickHouse {} started on {}", engine.version, dir);
      instance = engine;
      return engine;
    }
  }

  public Path dataDir() {
    return dataDir;
  }

  /** The libchdb version, for example {@code 26.7.3}. */
  public String libraryVersion() {
    return version;
  }

  /** Opens another connection to the engine's data directory. */
  ChdbConnection connect() {
    synchronized (LOCK) {
      if (stopped) {
        throw new ClickHouseException(0, "", "the embedded ClickHouse engine is shut down", "", "", null);
      }
      try (Arena arena = Arena.ofConfined()) {
        MemorySegment argv = arena.allocate(ChdbLibrary.ADDRESS, 2);
        argv.setAtIndex(ChdbLibrary.ADDRESS, 0, arena.allocateFrom("sightline"));
        argv.setAtIndex(ChdbLibrary.ADDRESS, 1, arena.allocateFrom("--path=" + dataDir));
        MemorySegment handle = (MemorySegment) lib.connect.invokeExact(2, argv);
        if (handle.equals(MemorySegment.NULL)) {
          throw new ClickHouseException(0, "", "chdb_connect failed for " + dataDir, "", "", null);
        }
        ChdbConnection c = new ChdbConnection(lib, handle);
        connections.add(c);
        return c;
      } catch (ClickHouseException e) {
        throw e;
      } catch (Throwable t) {
        throw new ClickHouseException(0, "", "chdb_connect failed: " + t, "", "", t);
      }
    }
  }

  /** Closes a connection opened with {@link #connect}. */
  void disconnect(ChdbConnection c) {
    synchronized (LOCK) {
      if (connections.remove(c)) {
        c.close();
      }
    }
  }

  void holdAtExit() {
    synchronized (LOCK) {
      holdingGateways++;
    }
  }

  void releaseAtExit() {
    synchronized (LOCK) {
      holdingGateways--;
      LOCK.notifyAll();
    }
  }

  /** Counts a statement as running; fails once the engine has stopped. */
  void beginStatement() {
    synchronized (LOCK) {
      if (stopped) {
        throw new ClickHouseException(0, "", "the embedded ClickHouse engine is shut down", "", "", null);
      }
      runningStatements++;
    }
  }

  void endStatement() {
    synchronized (LOCK) {
      runningStatements--;
      LOCK.notifyAll();
    }
  }

  private void stopAtExit() {
    synchronized (LOCK) {
      long deadline = System.nanoTime() + EXIT_GRACE.toNanos();
      while (holdingGateways > 0 || runningStatements > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          LOG.warn("{} gateway(s) and {} statement(s) still open after {}; closing the engine anyway",
              holdingGateways, runningStatements, EXIT_GRACE);
          break;
        }
        try {
          LOCK.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      stopped = true;
      for (ChdbConnection c : connections) {
        c.close();
      }
      connections.clear();
      try {
        int state = (int) lib.shutdown.invokeExact();
        if (state != 0) {
          LOG.debug("chdb_shutdown could not stop every engine thread; process exit reaps them");
        }
      } catch (Throwable t) {
        LOG.debug("chdb_shutdown failed", t);
      }
    }
  }
}
