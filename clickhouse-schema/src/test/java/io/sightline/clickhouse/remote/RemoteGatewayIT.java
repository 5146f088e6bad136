package io.sightline.clickhouse.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sightline.clickhouse.ClickHouseException;
import io.sightline.clickhouse.ClickHouseGateway;
import io.sightline.clickhouse.Statement;
import io.sightline.clickhouse.format.Column;
import io.sightline.clickhouse.format.InsertBatch;
import io.sightline.clickhouse.format.InsertFormat;
import io.sightline.clickhouse.testing.GatewayContract;
import io.sightline.clickhouse.testing.TestStore;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The remote gateway against a real ClickHouse server named by SIGHTLINE_TEST_CLICKHOUSE_URL
 * (user/password from SIGHTLINE_TEST_CLICKHOUSE_USER / _PASSWORD). .ci/run starts Debian's
 * ClickHouse 18.16 on loopback: on it these tests cover what it supports (connecting,
 * authentication errors, RowBinary inserts, text selects, error codes). Against a 24.8+ server
 * the full gateway contract runs as well. Without a URL the tests abort with the reason.
 */
class RemoteGatewayIT {
  private static final String URL = System.getenv("SIGHTLINE_TEST_CLICKHOUSE_URL");
  private static final String USER = envOr("SIGHTLINE_TEST_CLICKHOUSE_USER", "sightline");
  private static final String PASSWORD = envOr("SIGHTLINE_TEST_CLICKHOUSE_PASSWORD", "sightline-test");
  private static ClickHouseGateway gateway;

  private static String envOr(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  @BeforeAll
  static void connect() {
    assumeTrue(URL != null && !URL.isBlank(),
        "SIGHTLINE_TEST_CLICKHOUSE_URL is not set: no ClickHouse server to test the remote gateway against "
            + "(.ci/start-legacy-clickhouse.sh starts one)");
    gateway = RemoteGateway.open(RemoteConfig.of(URL, USER, PASSWORD, TestStore.uniqueName("remote")));
  }

  @AfterAll
  static void close() {
    if (gateway != null) {
      gateway.close();
    }
  }

  static boolean modern() {
    String[] v = gateway.serverVersion().split("\\.");
    int major = Integer.parseInt(v[0]);
    int minor = Integer.parseInt(v[1]);
    return major > 24 || (major == 24 && minor >= 8);
  }

  @Test
  void open_connectsAndReportsVersion() {
    assertThat(gateway.serverVersion()).matches("\\d+\\.\\d+.*");
    assertThat(gateway.mode()).isEqualTo("remote");
  }

  @Test
  void open_wrongPassword_failsWithAuthenticationCode() {
    assertThatThrownBy(() -> RemoteGateway.open(RemoteConfig.of(URL, USER, "wrong-password", "default")))
        .isInstanceOfSatisfying(ClickHouseException.class, e -> {
          // 193 WRONG_PASSWORD (older servers), 516 AUTHENTICATION_FAILED (newer)
          assertThat(e.code()).isIn(192, 193, 516);
          assertThat(e.isTransient()).isFalse();
          assertThat(e.getMessage()).doesNotContain("wrong-password");
        });
  }

  @Test
  void insertRowBinary_thenSelectAsText_roundTrips() {
    String t = TestStore.uniqueName("legacy_rt");
    gateway.execute(Statement.of("create",
        "CREATE TABLE " + t + " (id UInt32, s String, tags Array(String)) ENGINE = MergeTree ORDER BY id"));
    InsertBatch.Builder b = InsertBatch.builder(t, List.of(Column.of("id", "UInt32"),
        Column.of("s", "String"), Column.of("tags", "Array(String)")), InsertFormat.ROW_BINARY);
    for (int i = 0; i < GatewayContract.HOSTILE.size(); i++) {
      b.addRow(i, GatewayContract.HOSTILE.get(i).replace("\0", ""), List.of("a;", "b'"));
    }
    gateway.insert(b.build());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    gateway.stream(Statement.of("select", "SELECT count(), uniqExact(s), sum(length(tags)) FROM " + t),
        "TabSeparated", out);
    int n = GatewayContract.HOSTILE.size();
    assertThat(out.toString(StandardCharsets.UTF_8).strip()).isEqualTo(n + "\t" + n + "\t" + (2 * n));
  }

  @Test
  void unknownTable_mapsErrorCode60() {
    assertThatThrownBy(() -> gateway.execute(Statement.of("missing", "SELECT * FROM no_such_table")))
        .isInstanceOfSatisfying(ClickHouseException.class, e -> {
          assertThat(e.code()).isEqualTo(60);
          assertThat(e.statementName()).isEqualTo("missing");
        });
  }

  @Test
  void unreachableServer_isTransient() {
    assertThatThrownBy(() -> RemoteGateway.open(RemoteConfig.of("http://127.0.0.1:1", USER, PASSWORD, "default")))
        .isInstanceOfSatisfying(ClickHouseException.class, e -> assertThat(e.isTransient()).isTrue());
  }

  /** The whole gateway contract, on servers new enough for query parameters and the schema. */
  @Nested
  class Contract extends GatewayContract {
    @BeforeEach
    void requireModernServer() {
      assumeTrue(modern(), "server " + gateway.serverVersion()
          + " predates query parameters and RowBinaryWithNamesAndTypes; the full contract needs 24.8+");
    }

    @Override
    protected ClickHouseGateway gateway() {
      return gateway;
    }
  }
}
