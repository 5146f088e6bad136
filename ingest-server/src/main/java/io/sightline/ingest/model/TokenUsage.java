package io.sightline.ingest.model;

/**
 * Token counts with OTel semantics (conventions.md §10.2): {@code input} includes cache reads and
 * writes, {@code output} includes reasoning, {@code total} is at least input + output.
 * All zero when the span reported no usage.
 */
public record TokenUsage(long input, long output, long total, long cacheRead, long cacheWrite, long reasoning) {
    public static final TokenUsage NONE = new TokenUsage(0, 0, 0, 0, 0, 0);

    public TokenUsage {
        if (input < 0 || output < 0 || total < 0 || cacheRead < 0 || cacheWrite < 0 || reasoning < 0) {
            throw new IllegalArgumentException("token counts must be >= 0: " + input + "/" + output + "/"
                    + total + "/" + cacheRead + "/" + cacheWrite + "/" + reasoning);
        }
    }

    public boolean isEmpty() {
        return input == 0 && output == 0 && total == 0 && cacheRead == 0 && cacheWrite == 0 && reasoning == 0;
    }
}
