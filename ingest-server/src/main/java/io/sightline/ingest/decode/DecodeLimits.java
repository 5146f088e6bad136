package io.sightline.ingest.decode;

/**
 * Bounds on what one span or log record may carry. A span or record over
 * {@code maxAttributes}, {@code maxValueDepth} or {@code maxValueElements} is rejected on its own
 * (the rest of the request is kept); longer strings are truncated and surplus events/links
 * are dropped and counted in the dropped counts, as OTel SDKs do, because a long streaming call
 * with one event per chunk is legitimate.
 *
 * @param maxAttributes top-level attributes per span, event, link or log record (SDK default is 128)
 * @param maxValueDepth nesting depth of one attribute value or log body (a scalar is depth 1)
 * @param maxValueElements array/kvlist entries inside one attribute value or log body, all levels
 * @param maxEventsPerSpan events kept per span
 * @param maxLinksPerSpan links kept per span
 * @param maxStringChars UTF-16 chars kept per string value (bytes for byte values); larger
 *     values are truncated. Content is redacted and size-capped later; this only bounds memory.
 */
public record DecodeLimits(
        int maxAttributes,
        int maxValueDepth,
        int maxValueElements,
        int maxEventsPerSpan,
        int maxLinksPerSpan,
        int maxStringChars) {

    public static final DecodeLimits DEFAULTS = new DecodeLimits(1024, 16, 100_000, 1024, 1024, 1 << 20);

    public DecodeLimits {
        positive(maxAttributes, "maxAttributes");
        positive(maxValueDepth, "maxValueDepth");
        positive(maxValueElements, "maxValueElements");
        positive(maxEventsPerSpan, "maxEventsPerSpan");
        positive(maxLinksPerSpan, "maxLinksPerSpan");
        positive(maxStringChars, "maxStringChars");
    }

    private static void positive(int v, String name) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be > 0: " + v);
        }
    }
}
