package io.sightline.ingest.decode;

/** Body encodings of OTLP/HTTP ({@code application/x-protobuf}, {@code application/json}). */
public enum OtlpEncoding {
    PROTOBUF, JSON
}
