package io.sightline.server;

import io.javalin.Javalin;
import io.sightline.clickhouse.ClickHouseGateway;
import io.sightline.clickhouse.Gateways;
import io.sightline.clickhouse.StorageSettings;
import io.sightline.clickhouse.schema.MigrationRunner;
import io.sightline.clickhouse.schema.SchemaFlavour;
import io.sightline.config.Settings;
import java.io.PrintStream;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: settings, then the ClickHouse gateway and its migrations, then the
 * HTTP API. Built with plain constructors; {@link #close} stops everything in reverse order so
 * nothing accepted is lost.
 */
public final class SightlineServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SightlineServer.class);

  private final ClickHouseGateway gateway;
  private final Javalin http;

  private SightlineServer(ClickHouseGateway gateway, Javalin http) {
    this.gateway = gateway;
    this.http = http;
  }

  /** Opens the store, applies migrations and starts listening. */
  public static SightlineServer start(Settings settings, PrintStream out) {
    ClickHouseGateway gateway = Gateways.open(settings, out);
    try {
      String cluster = settings.get(StorageSettings.CLICKHOUSE_CLUSTER);
      SchemaFlavour flavour = cluster == null ? SchemaFlavour.singleNode() : SchemaFlavour.cluster(cluster);
      new MigrationRunner(gateway, flavour).migrate();
      HealthRoute health = new HealthRoute(gateway, Instant.now(), version());
      Javalin http = Javalin.create(config -> {
        config.startup.showJavalinBanner = false;
        config.routes.get("/health", health::handle);
      });
      http.start(settings.get(ServerSettings.HTTP_HOST), settings.getInt(ServerSettings.HTTP_PORT));
      LOG.info("Sightline {} listening: API http://localhost:{}, ClickHouse {} {} ({})", version(),
          http.port(), gateway.mode(), gateway.serverVersion(), gateway.database());
      return new SightlineServer(gateway, http);
    } catch (RuntimeException e) {
      gateway.close();
      throw e;
    }
  }

  /** The port the API listens on (useful when configured as 0). */
  public int httpPort() {
    return http.port();
  }

  static String version() {
    String v = SightlineServer.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /** Stops accepting, then closes the store. */
  @Override
  public void close() {
    http.stop();
    gateway.close();
    LOG.info("Sightline stopped");
  }
}
