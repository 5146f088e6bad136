package io.sightline.server;

import io.javalin.Javalin;
import io.sightline.auth.ApiKeys;
import io.sightline.ingest.IngestServer;
import java.time.Duration;
import java.time.InstantSource;
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
  private final IngestServer ingest;
  private final Javalin http;

  private SightlineServer(ClickHouseGateway gateway, IngestServer ingest, Javalin http) {
    this.gateway = gateway;
    this.ingest = ingest;
    this.http = http;
  }

  /** Opens the store, applies migrations and starts listening. */
  public static SightlineServer start(Settings settings, PrintStream out) {
    ClickHouseGateway gateway = Gateways.open(settings, out);
    try {
      String cluster = settings.get(StorageSettings.CLICKHOUSE_CLUSTER);
      SchemaFlavour flavour = cluster == null ? SchemaFlavour.singleNode() : SchemaFlavour.cluster(cluster);
      new MigrationRunner(gateway, flavour).migrate();
      ApiKeys keys = ApiKeys.fromSettings(settings);
      Duration drain = Duration.ofMillis(settings.getMillis(ServerSettings.SHUTDOWN_TIMEOUT));
      IngestServer ingest = IngestServer.start(gateway, settings, keys, InstantSource.system(), drain);
      try {
        HealthRoute health = new HealthRoute(gateway, Instant.now(), version());
        Javalin http = Javalin.create(config -> {
          config.startup.showJavalinBanner = false;
          config.routes.get("/health", health::handle);
          config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4")
              .result(ingest.metrics().render()));
        });
        http.start(settings.get(ServerSettings.HTTP_HOST), settings.getInt(ServerSettings.HTTP_PORT));
        LOG.info("Sightline {} listening: OTLP gRPC :{}, OTLP HTTP :{}, API http://localhost:{}; "
                + "ClickHouse {} {} ({})", version(), ingest.grpcPort(), ingest.httpPort(),
            http.port(), gateway.mode(), gateway.serverVersion(), gateway.database());
        return new SightlineServer(gateway, ingest, http);
      } catch (RuntimeException e) {
        ingest.close();
        throw e;
      }
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

  public int otlpGrpcPort() {
    return ingest.grpcPort();
  }

  public int otlpHttpPort() {
    return ingest.httpPort();
  }

  /** Stops accepting, drains what was accepted into ClickHouse, then closes the store. */
  @Override
  public void close() {
    ingest.close();
    http.stop();
    gateway.close();
    LOG.info("Sightline stopped");
  }
}
