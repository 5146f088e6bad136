package io.sightline.ingest.otlp;

import io.sightline.auth.ApiKeys;
import io.sightline.clickhouse.ClickHouseGateway;
import io.sightline.clickhouse.Statement;
import io.sightline.clickhouse.format.Row;
import io.sightline.clickhouse.testing.TestStore;
import io.sightline.config.Settings;
import io.sightline.ingest.IngestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A real ingest server on ephemeral ports over a fresh embedded database. */
final class IngestHarness implements AutoCloseable {
  final ClickHouseGateway gateway;
  final IngestServer server;
  final HttpClient http = HttpClient.newHttpClient();

  IngestHarness(String name, Map<String, String> settings, ApiKeys keys) {
    gateway = TestStore.migratedDatabase(name);
    Map<String, String> s = new HashMap<>(Map.of("sightline.otlp.grpc.port", "0",
        "sightline.otlp.http.port", "0", "sightline.otlp.host", "127.0.0.1",
        "sightline.ingest.batch.max-delay", "20ms"));
    s.putAll(settings);
    server = IngestServer.start(gateway, Settings.of(s), keys, InstantSource.system(), Duration.ofSeconds(10));
  }

  IngestHarness(String name) {
    this(name, Map.of(), ApiKeys.open());
  }

  String httpBase() {
    return "http://127.0.0.1:" + server.httpPort();
  }

  String grpcEndpoint() {
    return "http://127.0.0.1:" + server.grpcPort();
  }

  HttpResponse<byte[]> post(String path, String contentType, byte[] body, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(httpBase() + path))
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(b::header);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  List<Row> query(String sql, Map<String, Object> params) {
    Statement st = Statement.of("test_query", sql);
    for (Map.Entry<String, Object> e : params.entrySet()) {
      st = st.bind(e.getKey(), e.getValue());
    }
    return gateway.query(st);
  }

  long count(String table, String traceId) {
    return query("SELECT count() AS n FROM (SELECT DISTINCT span_id FROM " + table
        + " WHERE trace_id = {t:String})", Map.of("t", traceId)).getFirst().longValue("n");
  }

  static Path sharedDir() {
    return Path.of(System.getProperty("sightline.shared.dir", "../../shared"));
  }

  static List<String> fixtureLines(String name) throws Exception {
    return Files.readAllLines(sharedDir().resolve("fixtures").resolve(name));
  }

  @Override
  public void close() {
    server.close();
    gateway.close();
  }
}
