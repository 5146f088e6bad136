package io.sightline.ingest.otlp;

import io.sightline.config.Setting;
import io.sightline.config.Settings;
import java.util.List;

/** The OTLP receivers' ports and limits. */
public record OtlpSettings(String host, int grpcPort, int httpPort, int maxRequestBytes,
    long maxDecodingBytes) {
  public static final Setting HOST = Setting.of("sightline.otlp.host", "0.0.0.0",
      "Interface the OTLP receivers listen on.");
  public static final Setting GRPC_PORT = Setting.of("sightline.otlp.grpc.port", "4317",
      "OTLP/gRPC port (TraceService and LogsService Export).");
  public static final Setting HTTP_PORT = Setting.of("sightline.otlp.http.port", "4318",
      "OTLP/HTTP port (POST /v1/traces and /v1/logs, protobuf or JSON, gzip allowed).");
  public static final Setting MAX_REQUEST_BYTES = Setting.of("sightline.otlp.max-request-bytes",
      "16MiB", "Largest export request accepted, after decompression; larger ones are refused with a clear error, never truncated.");
  public static final Setting MAX_DECODING_BYTES = Setting.of("sightline.otlp.max-decoding-bytes", "64MiB",
      "Export request bytes being decoded at once, at most (decoding expands them several-fold in memory); beyond it exports get RESOURCE_EXHAUSTED / 429 and are retried.");

  public static final List<Setting> ALL = List.of(HOST, GRPC_PORT, HTTP_PORT, MAX_REQUEST_BYTES, MAX_DECODING_BYTES);

  public OtlpSettings {
    if (maxRequestBytes < 1024) {
      throw new IllegalArgumentException("setting " + MAX_REQUEST_BYTES.property() + " must be at least 1KiB");
    }
  }

  public static OtlpSettings from(Settings s) {
    return new OtlpSettings(s.get(HOST), s.getInt(GRPC_PORT), s.getInt(HTTP_PORT),
        (int) Math.min(Integer.MAX_VALUE - 1, s.getBytes(MAX_REQUEST_BYTES)), s.getBytes(MAX_DECODING_BYTES));
  }
}
