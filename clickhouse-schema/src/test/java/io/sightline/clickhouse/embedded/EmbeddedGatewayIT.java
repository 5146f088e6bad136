package io.sightline.clickhouse.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.clickhouse.ClickHouseGateway;
import io.sightline.clickhouse.testing.GatewayContract;
import io.sightline.clickhouse.testing.TestStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gateway contract on the real engine inside this JVM. The embedded run never skips. */
class EmbeddedGatewayIT extends GatewayContract {
  private static ClickHouseGateway gateway;

  @BeforeAll
  static void open() {
    gateway = TestStore.emptyDatabase("gateway_contract");
  }

  @AfterAll
  static void close() {
    gateway.close();
  }

  @Override
  protected ClickHouseGateway gateway() {
    return gateway;
  }

  @Test
  void serverVersion_isClickHouse26() {
    assertThat(gateway.serverVersion()).startsWith("26.");
    assertThat(gateway.mode()).isEqualTo("embedded");
  }
}
