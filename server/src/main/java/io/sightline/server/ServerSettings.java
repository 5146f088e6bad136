package io.sightline.server;

import io.sightline.config.Setting;
import java.util.List;

/** Settings of the all-in-one process itself. */
public final class ServerSettings {
  public static final Setting HTTP_PORT = Setting.of("sightline.http.port", "8080",
      "Port of the REST API, the dashboard, GET /health and GET /metrics.");
  public static final Setting HTTP_HOST = Setting.of("sightline.http.host", "0.0.0.0",
      "Interface the API port listens on.");
  public static final Setting SHUTDOWN_TIMEOUT = Setting.of("sightline.shutdown.timeout", "20s",
      "How long shutdown waits for queued spans to be written before giving up.");

  public static final List<Setting> ALL = List.of(HTTP_PORT, HTTP_HOST, SHUTDOWN_TIMEOUT);

  private ServerSettings() {}
}
