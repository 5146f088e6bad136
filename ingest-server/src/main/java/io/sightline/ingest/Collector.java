package io.sightline.ingest;

import io.sightline.ingest.decode.DecodedLogs;
import io.sightline.ingest.decode.DecodedTraces;
import io.sightline.ingest.decode.MalformedOtlpException;
import io.sightline.ingest.decode.OtlpDecoder;
import io.sightline.ingest.decode.OtlpEncoding;
import io.sightline.ingest.enrich.Enricher;
import io.sightline.ingest.metrics.IngestMetrics;
import io.sightline.ingest.model.NormalizedBatch;
import io.sightline.ingest.normalize.Normalizer;
import io.sightline.ingest.otlp.ExportOutcome;
import io.sightline.ingest.pipeline.IngestPipeline;
import io.sightline.ingest.pipeline.OverloadedException;
import io.sightline.ingest.pipeline.PreparedWrite;
import io.sightline.ingest.pipeline.StoreUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry point both OTLP transports call: decode, normalise, enrich, then queue for
 * writing. The returned future completes when the request's rows are committed (or could not
 * be), so transports acknowledge only what is stored. Runs on the transport's thread up to the
 * queue, so decoding and normalisation spread over all cores, within a budget of request bytes
 * being decoded at once (beyond it, exports are refused as overloaded and retried).
 */
public final class Collector {
  private static final Logger LOG = LoggerFactory.getLogger(Collector.class);

  private final OtlpDecoder decoder;
  private final Normalizer normalizer;
  private final Enricher enricher;
  private final IngestPipeline pipeline;
  private final IngestMetrics metrics;
  private final DecodeBudget decoding;
  private final Duration retryAfter;

  public Collector(OtlpDecoder decoder, Normalizer normalizer, Enricher enricher,
      IngestPipeline pipeline, IngestMetrics metrics, long maxDecodingBytes, Duration retryAfter) {
    this.decoder = decoder;
    this.normalizer = normalizer;
    this.enricher = enricher;
    this.pipeline = pipeline;
    this.metrics = metrics;
    this.decoding = new DecodeBudget(maxDecodingBytes);
    this.retryAfter = retryAfter;
  }

  public IngestMetrics metrics() {
    return metrics;
  }

  public CompletableFuture<ExportOutcome> traces(String project, byte[] body, OtlpEncoding encoding,
      String transport) {
    return withinBudget(body, () -> decodeTraces(project, body, encoding, transport));
  }

  public CompletableFuture<ExportOutcome> logs(String project, byte[] body, OtlpEncoding encoding,
      String transport) {
    return withinBudget(body, () -> decodeLogs(project, body, encoding, transport));
  }

  /** Runs {@code work} (decode to queued rows) if the decode budget has room for the body. */
  private CompletableFuture<ExportOutcome> withinBudget(byte[] body,
      Supplier<CompletableFuture<ExportOutcome>> work) {
    if (!decoding.tryReserve(body.length)) {
      return CompletableFuture.completedFuture(new ExportOutcome.Overloaded(
          "too many export requests are being decoded; retry after " + retryAfter.toSeconds() + "s",
          retryAfter));
    }
    try {
      return work.get();
    } finally {
      decoding.release(body.length);
    }
  }

  private CompletableFuture<ExportOutcome> decodeTraces(String project, byte[] body,
      OtlpEncoding encoding, String transport) {
    DecodedTraces decoded;
    try {
      decoded = decoder.decodeTraces(body, encoding);
    } catch (MalformedOtlpException e) {
      metrics.rejected("spans", "invalid_request", 1);
      return CompletableFuture.completedFuture(new ExportOutcome.Invalid(e.getMessage()));
    }
    int received = decoded.spans().size() + decoded.rejectedCount();
    metrics.received("spans", transport, received);
    if (decoded.rejectedCount() > 0) {
      metrics.rejected("spans", "invalid", decoded.rejectedCount());
    }
    NormalizedBatch batch = normalizer.normalize(decoded.spans(), List.of());
    return write(project, batch, "spans", decoded.rejectedCount(), decoded.errorMessage());
  }

  private CompletableFuture<ExportOutcome> decodeLogs(String project, byte[] body,
      OtlpEncoding encoding, String transport) {
    DecodedLogs decoded;
    try {
      decoded = decoder.decodeLogs(body, encoding);
    } catch (MalformedOtlpException e) {
      metrics.rejected("log_records", "invalid_request", 1);
      return CompletableFuture.completedFuture(new ExportOutcome.Invalid(e.getMessage()));
    }
    metrics.received("log_records", transport, decoded.records().size() + decoded.rejectedCount());
    if (decoded.rejectedCount() > 0) {
      metrics.rejected("log_records", "invalid", decoded.rejectedCount());
    }
    NormalizedBatch batch = normalizer.normalize(List.of(), decoded.records());
    return write(project, batch, "log_records", decoded.rejectedCount(), decoded.errorMessage());
  }

  private CompletableFuture<ExportOutcome> write(String project, NormalizedBatch batch,
      String signal, int rejected, String rejectionMessage) {
    Enricher.Rows rows = enricher.enrich(project, batch);
    metrics.unpricedSpans(rows.unpricedSpans());
    metrics.redactions(rows.redactions());
    metrics.truncatedFields(rows.truncatedFields());
    PreparedWrite write = pipeline.prepare(rows.spans(), rows.content(), rows.logEvents());
    metrics.duplicateSpansDropped(write.duplicates());
    CompletableFuture<Void> stored;
    try {
      stored = pipeline.submit(write);
    } catch (OverloadedException e) {
      metrics.rejected(signal, "overloaded", signal.equals("spans") ? write.spanCount() : write.logEventCount());
      return CompletableFuture.completedFuture(new ExportOutcome.Overloaded(e.getMessage(), e.retryAfter()));
    } catch (IllegalStateException e) {
      return CompletableFuture.completedFuture(new ExportOutcome.Unavailable(
          "Sightline is shutting down; retry", java.time.Duration.ofSeconds(5)));
    }
    long start = System.nanoTime();
    return stored.handle((ok, error) -> {
      metrics.exportLatency((System.nanoTime() - start) / 1e9);
      if (error == null) {
        if (signal.equals("log_records")) {
          metrics.accepted(signal, write.logEventCount());
        }
        return new ExportOutcome.Accepted(rejected, rejected == 0 ? "" : rejectionMessage);
      }
      Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
      if (cause instanceof StoreUnavailableException s) {
        return new ExportOutcome.Unavailable(s.getMessage(), s.retryAfter());
      }
      LOG.error("unexpected failure writing an export", cause);
      return new ExportOutcome.Unavailable("internal error; retry", java.time.Duration.ofSeconds(5));
    });
  }
}
