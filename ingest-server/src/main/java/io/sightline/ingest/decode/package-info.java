/**
 * OTLP export requests (gRPC objects, HTTP protobuf or JSON bodies) → {@code RawSpan} /
 * {@code RawLogRecord}, through {@link io.sightline.ingest.decode.OtlpDecoder}.
 *
 * <p><b>Whole request vs one item.</b> A body that cannot be read (not protobuf, not JSON, a field
 * of the wrong JSON type) throws {@code MalformedOtlpException} with the field and position. A
 * span or log record with a bad id (empty, wrong length, not hex, all zeros) or over
 * {@link io.sightline.ingest.decode.DecodeLimits} is left out alone; the rest of the request is
 * kept and the result carries {@code rejectedCount} plus the first five reasons, e.g.
 * {@code "span 4444444444444444 of trace 0af7…: span has more than 1024 attributes"} — ids and
 * counts only, never attribute values.
 *
 * <p><b>Limits</b> ({@code DecodeLimits.DEFAULTS}): 1024 attributes per span/event/link/record
 * (SDKs default to 128; over → reject), value nesting depth 16 (over → reject), 100,000
 * array/kvlist entries inside one value (over → reject), 1024 events and 1024 links per span
 * (surplus dropped and added to the dropped counts, as SDKs do: one event per streamed chunk is
 * legitimate), 1 Mi chars per string or bytes value (truncated: content is redacted and capped
 * later, this only bounds memory). A resource over the limits rejects every item under it.
 *
 * <p><b>OTLP/JSON</b> is read with a streaming parser (no tree, no protobuf detour): camelCase or
 * snake_case names, int64 as number or string, enums as number or proto name, ids as hex (upper
 * case accepted; base64 of the right byte length, as generic protobuf printers write, accepted
 * too), {@code bytesValue} as base64, {@code null} as absent, unknown fields skipped, the resource
 * allowed after its scopes. An empty body is an empty request. Log records are numbered in
 * request order ({@code RawLogRecord.sequence}), counting rejected ones, so a re-sent request
 * numbers them the same.
 */
package io.sightline.ingest.decode;
