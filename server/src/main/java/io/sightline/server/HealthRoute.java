package io.sightline.server;

import io.javalin.http.Context;
import io.sightline.clickhouse.ClickHouseException;
import io.sightline.clickhouse.ClickHouseGateway;
import io.sightline.clickhouse.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /health}: 200 when ClickHouse answers, 503 otherwise; never needs an API key. */
final class HealthRoute {
  private static final Statement PING = Statement.of("health_ping", "SELECT 1");

  private final ClickHouseGateway gateway;
  private final Instant started;
  private final String version;

  HealthRoute(ClickHouseGateway gateway, Instant started, String version) {
    this.gateway = gateway;
    this.started = started;
    this.version = version;
  }

  void handle(Context ctx) {
    Map<String, Object> clickhouse = new LinkedHashMap<>();
    clickhouse.put("mode", gateway.mode());
    clickhouse.put("version", gateway.serverVersion());
    clickhouse.put("database", gateway.database());
    Map<String, Object> body = new LinkedHashMap<>();
    try {
      gateway.query(PING);
      body.put("status", "ok");
      ctx.status(200);
    } catch (ClickHouseException e) {
      body.put("status", "unavailable");
      clickhouse.put("error", e.getMessage());
      ctx.status(503);
    }
    body.put("version", version);
    body.put("uptimeSeconds", Duration.between(started, Instant.now()).toSeconds());
    body.put("clickhouse", clickhouse);
    ctx.json(body);
  }
}
