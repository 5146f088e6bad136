package io.sightline.query;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;

import io.javalin.config.JavalinConfig;
import io.sightline.auth.ApiKeys;
import io.sightline.clickhouse.ClickHouseGateway;
import io.sightline.config.Setting;
import io.sightline.config.Settings;
import io.sightline.query.analysis.Analyzer;
import io.sightline.query.analysis.Thresholds;
import io.sightline.query.feedback.FeedbackRoutes;
import io.sightline.query.internal.ApiLimits;
import io.sightline.query.internal.Errors;
import io.sightline.query.internal.ProjectAuth;
import io.sightline.query.metrics.MetricsRoutes;
import io.sightline.query.sessions.SessionRoutes;
import io.sightline.query.spans.SpanLoader;
import io.sightline.query.traces.TraceReader;
import io.sightline.query.traces.TraceRoutes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The REST query API under {@code /api/v1}, documented by {@code /api/openapi.json}. Reads
 * ClickHouse through the gateway only; with API keys configured every request needs one and sees
 * only its project.
 *
 * <pre>{@code
 * QueryApi api = QueryApi.create(gateway, ApiKeys.fromSettings(settings), settings, InstantSource.system());
 * Javalin.create(config -> api.register(config)).start(8080);
 * }</pre>
 */
public final class QueryApi {
  /** This module's settings, for {@code --help} and docs/configuration.md. */
  public static final List<Setting> SETTINGS = QuerySettings.ALL;

  private final ProjectAuth auth;
  private final TraceRoutes traces;
  private final SessionRoutes sessions;
  private final MetricsRoutes metrics;
  private final FeedbackRoutes feedback;
  private final byte[] openApi;

  private QueryApi(ProjectAuth auth, TraceRoutes traces, SessionRoutes sessions,
      MetricsRoutes metrics, FeedbackRoutes feedback, byte[] openApi) {
    this.auth = auth;
    this.traces = traces;
    this.sessions = sessions;
    this.metrics = metrics;
    this.feedback = feedback;
    this.openApi = openApi;
  }

  public static QueryApi create(ClickHouseGateway gateway, ApiKeys apiKeys, Settings settings,
      InstantSource clock) {
    Objects.requireNonNull(gateway, "gateway == null");
    Objects.requireNonNull(apiKeys, "apiKeys == null");
    Objects.requireNonNull(settings, "settings == null");
    Objects.requireNonNull(clock, "clock == null");
    ApiLimits limits = new ApiLimits(settings.getInt(QuerySettings.PAGE_SIZE_DEFAULT),
        settings.getInt(QuerySettings.PAGE_SIZE_MAX),
        Duration.ofMillis(settings.getMillis(QuerySettings.DEFAULT_RANGE)),
        Duration.ofMillis(settings.getMillis(QuerySettings.MAX_RANGE)),
        settings.getInt(QuerySettings.MAX_POINTS), settings.getInt(QuerySettings.MAX_SERIES),
        settings.getInt(QuerySettings.MAX_SPANS));
    Analyzer analyzer = new Analyzer(thresholds(settings));
    SpanLoader loader = new SpanLoader(gateway, limits.maxSpansPerRead());
    return new QueryApi(new ProjectAuth(apiKeys),
        new TraceRoutes(gateway, new TraceReader(loader), analyzer, limits, clock),
        new SessionRoutes(gateway, loader, analyzer, limits, clock),
        new MetricsRoutes(gateway, limits, clock),
        new FeedbackRoutes(gateway, loader, clock, settings.getInt(QuerySettings.FEEDBACK_RETENTION)),
        readOpenApi());
  }

  static Thresholds thresholds(Settings s) {
    return new Thresholds(s.getMillis(QuerySettings.SLOW_TTFT), s.getInt(QuerySettings.LOOP_REPEATS),
        s.getDouble(QuerySettings.CONTEXT_GROWTH), s.getInt(QuerySettings.CONTEXT_GROWTH_TURNS),
        s.getDouble(QuerySettings.DOMINANT_SHARE), s.getMillis(QuerySettings.MIN_TURN_LATENCY),
        s.getDouble(QuerySettings.COST_SHARE),
        phrases(s, QuerySettings.APOLOGY_PHRASES, Thresholds.DEFAULT_APOLOGY),
        phrases(s, QuerySettings.REFUSAL_PHRASES, Thresholds.DEFAULT_REFUSAL));
  }

  private static List<String> phrases(Settings s, Setting setting, List<String> defaults) {
    String v = s.get(setting);
    return v == null ? defaults
        : Arrays.stream(v.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
  }

  /** Registers /api/v1/**, /api/openapi.json, auth/validation/error handling for /api paths. */
  public void register(JavalinConfig config) {
    Errors.register(config);
    config.routes.before("/api/v1/*", auth::before);
    config.routes.get("/api/openapi.json",
        ctx -> ctx.contentType("application/json").result(openApi));
    config.routes.apiBuilder(() -> path("/api/v1", () -> {
      path("traces", () -> {
        get(traces::list);
        path("{traceId}", () -> {
          get(traces::detail);
          get("graph", traces::graph);
          get("analysis", traces::analysis);
        });
      });
      path("sessions", () -> {
        get(sessions::list);
        path("{sessionId}", () -> {
          get(sessions::detail);
          get("graph", sessions::graph);
          get("analysis", sessions::analysis);
        });
      });
      path("metrics", () -> {
        get("summary", metrics::summary);
        get("timeseries", metrics::timeseries);
      });
      get("models", metrics::models);
      get("services", metrics::services);
      get("agents", metrics::agents);
      get("tools", metrics::tools);
      get("users", metrics::users);
      path("feedback", () -> {
        post(feedback::create);
        get(feedback::list);
        delete("{feedbackId}", feedback::delete);
      });
    }));
  }

  private static byte[] readOpenApi() {
    try (InputStream in = QueryApi.class.getResourceAsStream("openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("missing resource io/sightline/query/openapi.json");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
