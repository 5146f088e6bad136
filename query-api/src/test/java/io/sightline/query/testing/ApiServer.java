package io.sightline.query.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.sightline.auth.ApiKeys;
import io.sightline.clickhouse.ClickHouseGateway;
import io.sightline.config.Settings;
import io.sightline.query.QueryApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;

/**
 * The query API exactly as the server builds it ({@code QueryApi.create} + {@code register}) on a
 * real Javalin server on a free port, and a JDK HTTP client that sends an API key.
 */
public final class ApiServer implements AutoCloseable {
  public static final ObjectMapper JSON = new ObjectMapper();
  private final Javalin app;
  private final HttpClient http = HttpClient.newHttpClient();

  public ApiServer(ClickHouseGateway gateway, ApiKeys keys, Instant now) {
    this(gateway, keys, Settings.of(Map.of()), now);
  }

  public ApiServer(ClickHouseGateway gateway, ApiKeys keys, Settings settings, Instant now) {
    QueryApi api = QueryApi.create(gateway, keys, settings, InstantSource.fixed(now));
    app = Javalin.create(api::register).start(0);
  }

  /** A response: status and parsed JSON body (null when empty). */
  public record Response(int status, JsonNode body, String raw) {}

  public Response get(String key, String path) {
    return send(key, HttpRequest.newBuilder(uri(path)).GET());
  }

  public Response post(String key, String path, String json) {
    return send(key, HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Response delete(String key, String path) {
    return send(key, HttpRequest.newBuilder(uri(path)).DELETE());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + app.port() + path);
  }

  private Response send(String key, HttpRequest.Builder b) {
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      String raw = r.body();
      return new Response(r.statusCode(), raw.isEmpty() ? null : JSON.readTree(raw), raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public void close() {
    app.stop();
  }
}
