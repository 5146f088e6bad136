package io.sightline.ingest;

import io.sightline.auth.ApiKeys;
import io.sightline.clickhouse.ClickHouseGateway;
import io.sightline.config.Setting;
import io.sightline.config.Settings;
import io.sightline.genai.pricing.PricingSettings;
import io.sightline.genai.redact.RedactionSettings;
import io.sightline.ingest.decode.DecodeLimits;
import io.sightline.ingest.decode.OtlpDecoder;
import io.sightline.ingest.enrich.EnrichSettings;
import io.sightline.ingest.enrich.Enricher;
import io.sightline.ingest.metrics.IngestMetrics;
import io.sightline.ingest.normalize.Normalizer;
import io.sightline.ingest.otlp.OtlpSettings;
import io.sightline.ingest.otlp.grpc.GrpcReceiver;
import io.sightline.ingest.otlp.http.HttpReceiver;
import io.sightline.ingest.pipeline.IngestPipeline;
import io.sightline.ingest.pipeline.PipelineSettings;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The ingest side of Sightline, wired from settings: OTLP receivers on gRPC and HTTP, one
 * {@link Collector}, one {@link IngestPipeline} writing through the gateway. {@link #close}
 * stops the receivers first (in-flight exports still get their answer), then drains the queue.
 */
public final class IngestServer implements AutoCloseable {
  private final GrpcReceiver grpc;
  private final HttpReceiver http;
  private final IngestPipeline pipeline;
  private final IngestMetrics metrics;
  private final Duration drainTimeout;

  private IngestServer(GrpcReceiver grpc, HttpReceiver http, IngestPipeline pipeline,
      IngestMetrics metrics, Duration drainTimeout) {
    this.grpc = grpc;
    this.http = http;
    this.pipeline = pipeline;
    this.metrics = metrics;
    this.drainTimeout = drainTimeout;
  }

  /** Every setting the ingest side reads. */
  public static List<Setting> settings() {
    List<Setting> all = new ArrayList<>(OtlpSettings.ALL);
    all.addAll(PipelineSettings.ALL);
    all.addAll(EnrichSettings.ALL);
    all.addAll(PricingSettings.ALL);
    all.addAll(RedactionSettings.ALL);
    return all;
  }

  public static IngestServer start(ClickHouseGateway gateway, Settings settings, ApiKeys keys,
      InstantSource clock, Duration drainTimeout) {
    IngestMetrics metrics = new IngestMetrics();
    PipelineSettings writing = PipelineSettings.from(settings);
    OtlpSettings otlp = OtlpSettings.from(settings);
    IngestPipeline pipeline = new IngestPipeline(gateway, writing, metrics);
    Collector collector = new Collector(new OtlpDecoder(DecodeLimits.DEFAULTS), new Normalizer(),
        new Enricher(PricingSettings.fromSettings(settings), RedactionSettings.fromSettings(settings),
            EnrichSettings.from(settings), clock),
        pipeline, metrics, otlp.maxDecodingBytes(), writing.retryAfter());
    GrpcReceiver grpc = null;
    try {
      grpc = new GrpcReceiver(otlp, collector, keys).start();
      HttpReceiver http = new HttpReceiver(otlp, collector, keys).start();
      return new IngestServer(grpc, http, pipeline, metrics, drainTimeout);
    } catch (RuntimeException e) {
      if (grpc != null) {
        grpc.close();
      }
      pipeline.close(drainTimeout);
      throw e;
    }
  }

  public int grpcPort() {
    return grpc.port();
  }

  public int httpPort() {
    return http.port();
  }

  public IngestMetrics metrics() {
    return metrics;
  }

  @Override
  public void close() {
    grpc.close();
    http.close();
    pipeline.close(drainTimeout);
  }
}
