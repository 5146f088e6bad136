package io.sightline.ingest.otlp.http;

import com.google.protobuf.Message;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.sightline.auth.ApiKeys;
import io.sightline.ingest.Collector;
import io.sightline.ingest.decode.OtlpEncoding;
import io.sightline.ingest.otlp.ExportOutcome;
import io.sightline.ingest.otlp.OtlpSettings;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * OTLP/HTTP: {@code POST /v1/traces} and {@code POST /v1/logs}, bodies in
 * {@code application/x-protobuf} or {@code application/json} (the OTLP JSON mapping), optionally
 * gzip-compressed. Answers in the request's encoding, per the OTLP spec: 200 with
 * {@code partial_success} when some items were refused, 400 with a {@code google.rpc.Status}
 * for undecodable requests, 401 without a valid key, 413 beyond the size limit (counted after
 * decompression, so a gzip bomb is stopped at the limit), 415 for other content types, 429 and
 * 503 with {@code Retry-After}.
 */
public final class HttpReceiver implements AutoCloseable {
  private final Javalin app;
  private final OtlpSettings settings;
  private final Collector collector;
  private final ApiKeys keys;

  public HttpReceiver(OtlpSettings settings, Collector collector, ApiKeys keys) {
    this.settings = settings;
    this.collector = collector;
    this.keys = keys;
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.http.maxRequestSize = settings.maxRequestBytes();
      config.routes.post("/v1/traces", ctx -> export(ctx, true));
      config.routes.post("/v1/logs", ctx -> export(ctx, false));
    });
  }

  public HttpReceiver start() {
    app.start(settings.host(), settings.httpPort());
    return this;
  }

  public int port() {
    return app.port();
  }

  private void export(Context ctx, boolean traces) {
    OtlpEncoding encoding = encoding(ctx.contentType());
    if (encoding == null) {
      collector.metrics().request("http", "unsupported_media_type");
      ctx.status(415).contentType("text/plain").result("Content-Type must be application/x-protobuf "
          + "or application/json (OTLP/HTTP), not '" + ctx.contentType() + "'");
      return;
    }
    String project = keys.projectFor(ctx.header("Authorization"), ctx.header("x-sightline-api-key"));
    if (project == null) {
      collector.metrics().request("http", "unauthenticated");
      error(ctx, encoding, 401, 16, "missing or unknown API key: send 'Authorization: Bearer <key>' "
          + "or 'x-sightline-api-key'", null);
      return;
    }
    byte[] body;
    try {
      body = readBody(ctx);
    } catch (TooLarge e) {
      collector.metrics().request("http", "too_large");
      error(ctx, encoding, 413, 8, e.getMessage(), null);
      return;
    } catch (IOException e) {
      collector.metrics().request("http", "invalid");
      error(ctx, encoding, 400, 3, "cannot read the request body: " + e.getMessage(), null);
      return;
    }
    CompletableFuture<ExportOutcome> outcome = traces
        ? collector.traces(project, body, encoding, "http")
        : collector.logs(project, body, encoding, "http");
    ctx.future(() -> outcome.thenAccept(o -> respond(ctx, encoding, o, traces)));
  }

  private void respond(Context ctx, OtlpEncoding encoding, ExportOutcome o, boolean traces) {
    collector.metrics().request("http", o.getClass().getSimpleName().toLowerCase(Locale.ROOT));
    switch (o) {
      case ExportOutcome.Accepted a -> {
        Message response = traces ? traceResponse(a) : logsResponse(a);
        ctx.status(200);
        write(ctx, encoding, response);
      }
      case ExportOutcome.Invalid i -> error(ctx, encoding, 400, 3, i.message(), null);
      case ExportOutcome.Unauthenticated u -> error(ctx, encoding, 401, 16, u.message(), null);
      case ExportOutcome.Overloaded v -> error(ctx, encoding, 429, 8, v.message(), v.retryAfter());
      case ExportOutcome.Unavailable u -> error(ctx, encoding, 503, 14, u.message(), u.retryAfter());
    }
  }

  private static Message traceResponse(ExportOutcome.Accepted a) {
    ExportTraceServiceResponse.Builder b = ExportTraceServiceResponse.newBuilder();
    if (a.rejected() > 0 || !a.message().isEmpty()) {
      b.setPartialSuccess(ExportTracePartialSuccess.newBuilder().setRejectedSpans(a.rejected())
          .setErrorMessage(a.message()));
    }
    return b.build();
  }

  private static Message logsResponse(ExportOutcome.Accepted a) {
    ExportLogsServiceResponse.Builder b = ExportLogsServiceResponse.newBuilder();
    if (a.rejected() > 0 || !a.message().isEmpty()) {
      b.setPartialSuccess(ExportLogsPartialSuccess.newBuilder().setRejectedLogRecords(a.rejected())
          .setErrorMessage(a.message()));
    }
    return b.build();
  }

  private static void error(Context ctx, OtlpEncoding encoding, int httpStatus, int grpcCode,
      String message, Duration retryAfter) {
    ctx.status(httpStatus);
    if (retryAfter != null) {
      ctx.header("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
    }
    write(ctx, encoding, com.google.rpc.Status.newBuilder().setCode(grpcCode).setMessage(message).build());
  }

  private static void write(Context ctx, OtlpEncoding encoding, Message m) {
    if (encoding == OtlpEncoding.JSON) {
      ctx.contentType("application/json").result(JsonResponses.print(m));
    } else {
      ctx.contentType("application/x-protobuf").result(m.toByteArray());
    }
  }

  static OtlpEncoding encoding(String contentType) {
    if (contentType == null) {
      return null;
    }
    String type = contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
    return switch (type) {
      case "application/x-protobuf", "application/protobuf" -> OtlpEncoding.PROTOBUF;
      case "application/json" -> OtlpEncoding.JSON;
      default -> null;
    };
  }

  /** Reads the body, inflating gzip, refusing more than the limit on either side. */
  private byte[] readBody(Context ctx) throws IOException {
    int max = settings.maxRequestBytes();
    String enc = ctx.header("Content-Encoding");
    InputStream raw = ctx.req().getInputStream();
    if (enc == null || enc.isBlank() || enc.equalsIgnoreCase("identity")) {
      return readLimited(raw, max, "the request body");
    }
    if (!enc.equalsIgnoreCase("gzip")) {
      throw new IOException("unsupported Content-Encoding '" + enc + "' (gzip or none)");
    }
    byte[] compressed = readLimited(raw, max, "the compressed request body");
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(compressed), 8192)) {
      return readLimited(in, max, "the request body after gzip decompression");
    } catch (ZipException e) {
      throw new IOException("the body is not valid gzip: " + e.getMessage(), e);
    }
  }

  private static byte[] readLimited(InputStream in, int max, String what) throws IOException {
    byte[] data = in.readNBytes(max + 1);
    if (data.length > max) {
      throw new TooLarge(what + " is larger than the " + (max / 1_048_576) + " MiB limit "
          + "(sightline.otlp.max-request-bytes); nothing was stored. Send smaller batches "
          + "(OTEL_BSP_MAX_EXPORT_BATCH_SIZE) or raise the limit.");
    }
    return data;
  }

  private static final class TooLarge extends IOException {
    TooLarge(String message) {
      super(message);
    }
  }

  @Override
  public void close() {
    app.stop();
  }
}
