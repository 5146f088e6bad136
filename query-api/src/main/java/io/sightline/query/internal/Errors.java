package io.sightline.query.internal;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.sightline.clickhouse.ClickHouseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one error shape of the API, for every failure under {@code /api}. */
public final class Errors {
  private static final Logger LOG = LoggerFactory.getLogger(Errors.class);
  private static final String WRITTEN = "sightline.error.written";

  private Errors() {}

  public static void register(JavalinConfig config) {
    config.routes.exception(ApiException.class, (e, ctx) ->
        write(ctx, e.status(), e.type(), e.getMessage(), e.parameter()));
    config.routes.exception(ClickHouseException.class, (e, ctx) -> {
      // The statement name is enough to find the query; parameters may hold user content.
      LOG.warn("query failed on {} {}", ctx.method(), ctx.path(), e);
      write(ctx, 503, "store_unavailable", "the store could not answer this query", null);
    });
    config.routes.exception(Exception.class, (e, ctx) -> {
      LOG.error("request failed: {} {}", ctx.method(), ctx.path(), e);
      if (ctx.path().startsWith("/api/")) {
        write(ctx, 500, "internal_error", "the request failed inside Sightline; see the server log", null);
      } else {
        ctx.status(500).result("Server Error");
      }
    });
    config.routes.error(404, ctx -> {
      if (ctx.path().startsWith("/api/") && ctx.attribute(WRITTEN) == null) {
        write(ctx, 404, "not_found", "no such endpoint: " + ctx.method() + " " + ctx.path(), null);
      }
    });
  }

  static void write(Context ctx, int status, String type, String detail, String parameter) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", title(status));
    body.put("status", status);
    body.put("type", type);
    body.put("detail", detail);
    body.put("parameter", parameter);
    ctx.attribute(WRITTEN, true);
    Json.send(ctx.status(status), body);
  }

  private static String title(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 404 -> "Not Found";
      case 409 -> "Conflict";
      case 500 -> "Internal Server Error";
      case 503 -> "Service Unavailable";
      default -> "Error";
    };
  }
}
