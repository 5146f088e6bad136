package io.sightline.clickhouse.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Provisioning without the network: a stand-in {@code npm} script plays the registry. The real
 * download is exercised by every integration test run, which provisions the pinned library.
 */
class ChdbProvisionerTest {
  private static final String PLATFORM = "linux-arm64-gnu"; // no pinned hash: npm view is asked
  @TempDir Path dir;
  private Path npm;
  private Path tarball;
  private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

  @BeforeEach
  void fakeRegistry() throws IOException {
    tarball = dir.resolve("registry.tgz");
    Files.write(tarball, tgz("package/libchdb.so", "not really a library".getBytes(StandardCharsets.UTF_8)));
    npm = dir.resolve("npm");
  }

  private void npmScript(String integrity, int packExit) throws IOException {
    String script = """
        #!/bin/sh
        echo "$@" >> "%1$s/npm-calls.log"
        if [ "$1" = view ]; then echo "%2$s"; exit 0; fi
        if [ "$1" = pack ]; then
          if [ %3$d -ne 0 ]; then echo "npm error code ENOTFOUND registry.npmjs.org" >&2; exit %3$d; fi
          while [ $# -gt 0 ]; do
            case "$1" in
              --cache) mkdir -p "$2"; head -c 4096 /dev/zero > "$2/partial"; shift ;;
              --pack-destination) cp "%4$s" "$2/chdb-lib.tgz"; shift ;;
            esac
            shift
          done
          exit 0
        fi
        exit 2
        """.formatted(dir, integrity, packExit, tarball);
    Files.writeString(npm, script);
    Files.setPosixFilePermissions(npm, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private ChdbProvisioner provisioner(String npmCommand) {
    return new ChdbProvisioner(dir.resolve("cache"), PLATFORM, npmCommand,
        new PrintStream(progress, true, StandardCharsets.UTF_8));
  }

  private String integrityOfTarball() throws IOException {
    return "sha512-" + Base64.getEncoder().encodeToString(ChdbProvisioner.sha512(tarball));
  }

  @Test
  void provision_downloadsChecksAndExtractsOnlyTheLibrary_thenIsIdempotent() throws IOException {
    npmScript(integrityOfTarball(), 0);
    Path lib = provisioner(npm.toString()).provision();
    assertThat(lib).hasFileName("libchdb.so").hasContent("not really a library");
    assertThat(lib.getParent()).isEqualTo(dir.resolve("cache/chdb/" + ChdbProvisioner.VERSION));
    try (var files = Files.list(lib.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("libchdb.so", ".installed", ".lock");
    }
    assertThat(progress.toString(StandardCharsets.UTF_8)).contains("Downloading @chdb/lib-" + PLATFORM);
    long calls = Files.readAllLines(dir.resolve("npm-calls.log")).size();

    assertThat(provisioner(npm.toString()).provision()).isEqualTo(lib);
    assertThat(Files.readAllLines(dir.resolve("npm-calls.log"))).hasSize((int) calls);
  }

  @Test
  void provision_checksumMismatch_installsNothingAndSaysWhy() throws IOException {
    npmScript("sha512-" + Base64.getEncoder().encodeToString(new byte[64]), 0);
    assertThatThrownBy(() -> provisioner(npm.toString()).provision())
        .isInstanceOf(ChdbProvisioner.ProvisioningException.class)
        .hasMessageContaining("failed its integrity check")
        .hasMessageContaining("nothing was installed");
    assertThat(dir.resolve("cache/chdb/" + ChdbProvisioner.VERSION + "/libchdb.so")).doesNotExist();
  }

  @Test
  void provision_npmMissing_explainsWhatToInstall() {
    assertThatThrownBy(() -> provisioner(dir.resolve("no-such-npm").toString()).provision())
        .isInstanceOf(ChdbProvisioner.ProvisioningException.class)
        .hasMessageContaining("npm")
        .hasMessageContaining("was not found")
        .hasMessageContaining("SIGHTLINE_CHDB_LIB")
        .hasMessageContaining("SIGHTLINE_CLICKHOUSE_URL");
  }

  @Test
  void provision_downloadFails_reportsNpmsWordsAndTheWayOut() throws IOException {
    npmScript(integrityOfTarball(), 1);
    assertThatThrownBy(() -> provisioner(npm.toString()).provision())
        .isInstanceOf(ChdbProvisioner.ProvisioningException.class)
        .hasMessageContaining("could not download")
        .hasMessageContaining("ENOTFOUND")
        .hasMessageContaining("npm config get registry");
  }

  @Test
  void locate_explicitLibraryThatIsMissing_isAClearError() {
    assertThatThrownBy(() -> ChdbProvisioner.locate(dir.resolve("nope.so").toString(), dir, System.err))
        .hasMessageContaining("SIGHTLINE_CHDB_LIB points to");
  }

  @Test
  void progressLine_showsBytesAndPercentage() {
    ChdbProvisioner.ProgressLine line = new ChdbProvisioner.ProgressLine(new PrintStream(progress), 200_000_000L);
    assertThat(line.format(50_000_000L)).isEqualTo("50.0 MB / 200.0 MB (25%)");
  }

  /** A one-file tar.gz in the npm package layout. */
  static byte[] tgz(String name, byte[] content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      byte[] header = new byte[512];
      byte[] n = name.getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(n, 0, header, 0, n.length);
      byte[] size = String.format("%011o", content.length).getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(size, 0, header, 124, size.length);
      header[156] = '0';
      gz.write(header);
      gz.write(content);
      gz.write(new byte[(512 - content.length % 512) % 512]);
      gz.write(new byte[1024]);
    }
    return bytes.toByteArray();
  }
}
