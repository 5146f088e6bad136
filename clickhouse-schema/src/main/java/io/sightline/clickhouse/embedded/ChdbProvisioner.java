package io.sightline.clickhouse.embedded;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Finds libchdb, installing it on first use. The library ships in the npm package
 * {@code @chdb/lib-<platform>} at the pinned {@link #VERSION}; provisioning runs {@code npm pack}
 * into a private npm cache (whose growth shows download progress), checks the tarball's SHA-512
 * against the pinned hash (or, for platforms without one, the {@code dist.integrity} npm
 * reports), and extracts only the library into {@code <cache>/chdb/<version>/}. Idempotent and
 * safe across processes (a file lock guards the install). {@code SIGHTLINE_CHDB_LIB} (or
 * {@code -Dsightline.chdb.lib}) points at an already installed library instead.
 */
public final class ChdbProvisioner {
  /** The pinned libchdb release (ClickHouse 26.7). */
  public static final String VERSION = "26.7.3-stable.1";

  /** Pinned SHA-512 of each platform's npm tarball, as npm's {@code dist.integrity}. */
  static final Map<String, String> PINNED_INTEGRITY = Map.of(
      "linux-x64-gnu",
      "sha512-XP97mMqnc5tZpKQywR8N7cLTsHNiTmHr30pC5mzo3jWmukjKn2IBa60c2B/gWUNcuFjOMjWoorQICCqBVj5wpw==");

  /** Tarball size of each pinned platform, for the progress percentage. */
  private static final Map<String, Long> PINNED_SIZE = Map.of("linux-x64-gnu", 177_817_999L);

  private final Path cacheRoot;
  private final String platform;
  private final PrintStream progress;
  private final String npm;

  ChdbProvisioner(Path cacheRoot, String platform, String npm, PrintStream progress) {
    this.cacheRoot = cacheRoot;
    this.platform = platform;
    this.npm = npm;
    this.progress = progress;
  }

  /**
   * Returns the library to load: {@code explicitLibrary} when given (SIGHTLINE_CHDB_LIB), else
   * the copy cached under {@code cacheRoot}, installing it first when missing. Progress and
   * errors go to {@code progress}.
   */
  public static Path locate(String explicitLibrary, Path cacheRoot, PrintStream progress) {
    if (explicitLibrary != null && !explicitLibrary.isBlank()) {
      Path p = Path.of(explicitLibrary);
      if (!Files.isRegularFile(p)) {
        throw new ProvisioningException("SIGHTLINE_CHDB_LIB points to " + p
            + ", which is not a file. Point it at libchdb.so from the npm package @chdb/lib-"
            + detectPlatform() + "@" + VERSION + ", or unset it to let Sightline install the library.");
      }
      return p;
    }
    return new ChdbProvisioner(cacheRoot, detectPlatform(), "npm", progress).provision();
  }

  /** {@code $XDG_CACHE_HOME/sightline}, else {@code ~/.cache/sightline}. */
  public static Path defaultCacheRoot() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("sightline");
  }

  /** The npm package suffix for this machine, e.g. {@code linux-x64-gnu}. */
  static String detectPlatform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String cpu = switch (arch) {
      case "amd64", "x86_64" -> "x64";
      case "aarch64", "arm64" -> "arm64";
      default -> throw new ProvisioningException("The embedded ClickHouse engine (libchdb) is "
          + "published for x64 and arm64 only; this machine is " + arch + ". Run Sightline against a "
          + "ClickHouse server instead by setting SIGHTLINE_CLICKHOUSE_URL.");
    };
    if (os.contains("linux")) {
      return "linux-" + cpu + "-gnu";
    }
    if (os.contains("mac") || os.contains("darwin")) {
      return "darwin-" + cpu;
    }
    throw new ProvisioningException("The embedded ClickHouse engine (libchdb) is published for "
        + "Linux and macOS only; this machine runs " + os + ". Run Sightline against a ClickHouse "
        + "server instead by setting SIGHTLINE_CLICKHOUSE_URL.");
  }

  String packageName() {
    return "@chdb/lib-" + platform;
  }

  Path installDir() {
    return cacheRoot.resolve("chdb").resolve(VERSION);
  }

  Path libraryPath() {
    return installDir().resolve(platform.startsWith("darwin") ? "libchdb.dylib" : "libchdb.so");
  }

  private Path marker() {
    return installDir().resolve(".installed");
  }

  Path provision() {
    if (Files.isRegularFile(marker()) && Files.isRegularFile(libraryPath())) {
      return libraryPath();
    }
    try {
      Files.createDirectories(installDir());
      try (FileChannel lockFile = FileChannel.open(installDir().resolve(".lock"),
          StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = lockFile.lock()) {
        if (Files.isRegularFile(marker()) && Files.isRegularFile(libraryPath())) {
          return libraryPath(); // another process installed it while we waited
        }
        install();
        return libraryPath();
      }
    } catch (IOException e) {
      throw new ProvisioningException("Could not install the embedded ClickHouse engine into "
          + installDir() + ": " + e.getMessage() + ". Check that the directory is writable, or set "
          + "SIGHTLINE_CACHE_DIR to a writable directory, or SIGHTLINE_CHDB_LIB to an installed libchdb.", e);
    }
  }

  private void install() throws IOException {
    Path work = Files.createTempDirectory(installDir(), "download-");
    try {
      Path tarball = download(work);
      verify(tarball);
      extractLibrary(tarball);
      Files.writeString(marker(), packageName() + "@" + VERSION + "\n" + expectedIntegrity() + "\n");
      progress.println("Installed libchdb " + VERSION + " in " + installDir());
    } finally {
      deleteTree(work);
    }
  }

  private Path download(Path work) throws IOException {
    Path npmCache = work.resolve("npm-cache");
    Path out = work.resolve("pack");
    Files.createDirectories(out);
    String spec = packageName() + "@" + VERSION;
    List<String> cmd = List.of(npm, "pack", spec, "--json", "--cache", npmCache.toString(),
        "--pack-destination", out.toString(), "--loglevel", "error");
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(work.resolve("npm.log").toFile()).start();
    } catch (IOException e) {
      throw new ProvisioningException("Sightline's embedded ClickHouse engine (libchdb " + VERSION
          + ") is not installed yet, and npm, which downloads it, was not found on the PATH. "
          + "Install Node.js with npm (for example `apt-get install nodejs npm` or from nodejs.org) "
          + "and run again; or install " + spec + " yourself and set SIGHTLINE_CHDB_LIB to its "
          + "libchdb; or use a ClickHouse server by setting SIGHTLINE_CLICKHOUSE_URL.", e);
    }
    long expected = PINNED_SIZE.getOrDefault(platform, 0L);
    progress.println("Downloading " + spec + " (the embedded ClickHouse engine, once) with npm...");
    ProgressLine line = new ProgressLine(progress, expected);
    try {
      while (!p.waitFor(500, TimeUnit.MILLISECONDS)) {
        line.update(treeSize(npmCache));
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new ProvisioningException("libchdb download interrupted", e);
    }
    line.update(treeSize(npmCache));
    line.finish();
    String log = Files.readString(work.resolve("npm.log"), StandardCharsets.UTF_8);
    try (Stream<Path> files = Files.list(out)) {
      List<Path> tgz = files.filter(f -> f.toString().endsWith(".tgz")).toList();
      if (p.exitValue() != 0 || tgz.size() != 1) {
        throw new ProvisioningException("npm could not download " + spec + " (exit status "
            + p.exitValue() + "; npm said: " + lastLines(log, 6) + "). Check network access to the "
            + "npm registry (`npm config get registry`) and any proxy settings, then run again; or "
            + "install the package yourself and set SIGHTLINE_CHDB_LIB to its libchdb; or use a "
            + "ClickHouse server by setting SIGHTLINE_CLICKHOUSE_URL.");
      }
      return tgz.getFirst();
    }
  }

  private String expectedIntegrity() throws IOException {
    String pinned = PINNED_INTEGRITY.get(platform);
    if (pinned != null) {
      return pinned;
    }
    // No pinned hash for this platform: trust the registry's own record of the version.
    Process p = new ProcessBuilder(npm, "view", packageName() + "@" + VERSION, "dist.integrity")
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    try {
      if (p.waitFor() != 0 || !out.startsWith("sha512-")) {
        throw new ProvisioningException("npm did not report the SHA-512 of " + packageName() + "@"
            + VERSION + " (npm said: " + lastLines(out, 3) + "); cannot check the download.");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProvisioningException("interrupted", e);
    }
    return out;
  }

  private void verify(Path tarball) throws IOException {
    String expected = expectedIntegrity();
    String actual = "sha512-" + Base64.getEncoder().encodeToString(sha512(tarball));
    if (!expected.equals(actual)) {
      Files.deleteIfExists(tarball);
      throw new ProvisioningException("The downloaded " + packageName() + "@" + VERSION
          + " failed its integrity check: its SHA-512 is " + actual + " but " + expected
          + " was expected. The file was deleted and nothing was installed. This means a corrupted "
          + "download or a registry mirror serving different bytes; run again, and if it fails "
          + "again check which registry npm uses (`npm config get registry`).");
    }
  }

  static byte[] sha512(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-512");
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Extracts only the library from the package tarball, then moves it into place atomically. */
  private void extractLibrary(Path tarball) throws IOException {
    String wanted = "package/" + libraryPath().getFileName();
    Path tmp = installDir().resolve(libraryPath().getFileName() + ".partial");
    boolean found = false;
    try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(tarball), 1 << 16), 1 << 16)) {
      byte[] header = new byte[512];
      while (in.readNBytes(header, 0, 512) == 512) {
        String name = tarString(header, 0, 100);
        if (name.isEmpty()) {
          break; // end-of-archive blocks
        }
        String prefix = tarString(header, 345, 155);
        if (!prefix.isEmpty()) {
          name = prefix + "/" + name;
        }
        long size = Long.parseLong(tarString(header, 124, 12).strip().isEmpty() ? "0"
            : tarString(header, 124, 12).strip(), 8);
        long padded = (size + 511) / 512 * 512;
        if (name.equals(wanted)) {
          try (OutputStream out = Files.newOutputStream(tmp)) {
            copyExactly(in, out, size);
          }
          in.skipNBytes(padded - size);
          found = true;
          break;
        }
        in.skipNBytes(padded);
      }
    }
    if (!found) {
      throw new ProvisioningException(packageName() + "@" + VERSION + " does not contain " + wanted);
    }
    try {
      Files.move(tmp, libraryPath(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, libraryPath(), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void copyExactly(InputStream in, OutputStream out, long size) throws IOException {
    byte[] buf = new byte[1 << 16];
    long left = size;
    while (left > 0) {
      int n = in.read(buf, 0, (int) Math.min(buf.length, left));
      if (n < 0) {
        throw new IOException("truncated tarball");
      }
      out.write(buf, 0, n);
      left -= n;
    }
  }

  private static String tarString(byte[] header, int off, int len) {
    int end = off;
    while (end < off + len && header[end] != 0) {
      end++;
    }
    return new String(header, off, end - off, StandardCharsets.UTF_8);
  }

  private static long treeSize(Path dir) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(f -> {
        try {
          return Files.size(f);
        } catch (IOException e) {
          return 0; // npm renames files while it works
        }
      }).sum();
    } catch (IOException | UncheckedIOException e) {
      return 0;
    }
  }

  private static String lastLines(String text, int n) {
    List<String> lines = new ArrayList<>(text.strip().lines().toList());
    return String.join(" | ", lines.subList(Math.max(0, lines.size() - n), lines.size()));
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // best effort: a leftover temp directory is harmless
    }
  }

  /** Prints "12.3 MB / 177.8 MB (7%)" on one line when on a terminal, every 10% otherwise. */
  static final class ProgressLine {
    private final PrintStream out;
    private final long total;
    private final boolean tty = System.console() != null;
    private int lastDecile = -1;
    private long last;

    ProgressLine(PrintStream out, long total) {
      this.out = out;
      this.total = total;
    }

    void update(long bytes) {
      last = Math.max(last, bytes);
      String text = format(last);
      if (tty) {
        out.print("\r  " + text + "   ");
        out.flush();
      } else {
        int decile = total > 0 ? (int) Math.min(10, last * 10 / total) : (int) (last / 20_000_000);
        if (decile != lastDecile) {
          lastDecile = decile;
          out.println("  " + text);
        }
      }
    }

    String format(long bytes) {
      String done = String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
      if (total <= 0) {
        return done;
      }
      long pct = Math.min(100, bytes * 100 / total);
      return String.format(Locale.ROOT, "%s / %.1f MB (%d%%)", done, total / 1e6, pct);
    }

    void finish() {
      if (tty) {
        out.println();
      }
    }
  }

  /** Provisioning failed; the message is a paragraph telling the user what to do. */
  public static final class ProvisioningException extends RuntimeException {
    ProvisioningException(String message) {
      super(message);
    }

    ProvisioningException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
