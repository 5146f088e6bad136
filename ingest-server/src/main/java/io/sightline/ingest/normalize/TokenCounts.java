package io.sightline.ingest.normalize;

import io.sightline.ingest.model.TokenUsage;

/**
 * Token rules of conventions.md §10.2: inclusive input (with cache) and output (with reasoning).
 * A cache count above the input, or a reasoning count above the output, means the producer sent
 * exclusive counts (raw Anthropic style): they are added back. Total is derived when absent and
 * never below input + output. Counts are capped at the UInt32 maximum of the token columns.
 */
final class TokenCounts {
    static final long MAX_COUNT = 0xFFFF_FFFFL;

    private TokenCounts() {}

    static TokenUsage resolve(Candidates c) {
        long input = orZero(c.count(Field.INPUT_TOKENS));
        long output = orZero(c.count(Field.OUTPUT_TOKENS));
        long cacheRead = orZero(c.count(Field.CACHE_READ_TOKENS));
        long cacheWrite = orZero(c.count(Field.CACHE_WRITE_TOKENS));
        long reasoning = orZero(c.count(Field.REASONING_TOKENS));
        if (cacheRead + cacheWrite > input) {
            input += cacheRead + cacheWrite;
        }
        if (reasoning > output) {
            output += reasoning;
        }
        long total = Math.max(orZero(c.count(Field.TOTAL_TOKENS)), input + output);
        return new TokenUsage(cap(input), cap(output), cap(total), cacheRead, cacheWrite, reasoning);
    }

    private static long orZero(Long v) {
        return v == null ? 0 : cap(v);
    }

    private static long cap(long v) {
        return Math.min(v, MAX_COUNT);
    }
}
