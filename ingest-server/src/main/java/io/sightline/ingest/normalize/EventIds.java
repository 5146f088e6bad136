package io.sightline.ingest.normalize;

/**
 * Stable 64-bit ids for log events: FNV-1a over the identifying fields, finished with the
 * MurmurHash3 mixer for an even spread. Same inputs give the same id in every JVM and release,
 * so a re-sent record replaces its earlier copy ({@code genai_log_events} is a ReplacingMergeTree).
 */
final class EventIds {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private EventIds() {}

    static long of(String traceId, String spanId, long timeNanos, String eventName, int sequence, String body) {
        long h = FNV_OFFSET;
        h = mix(h, traceId);
        h = mix(h, spanId);
        h = mix(h, timeNanos);
        h = mix(h, eventName);
        h = mix(h, sequence);
        h = mix(h, body);
        return fmix64(h);
    }

    private static long mix(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            h = (h ^ (c & 0xff)) * FNV_PRIME;
            h = (h ^ (c >>> 8)) * FNV_PRIME;
        }
        return (h ^ 0xff) * FNV_PRIME; // field separator: "ab"+"c" and "a"+"bc" differ
    }

    private static long mix(long h, long v) {
        for (int i = 0; i < 8; i++) {
            h = (h ^ ((v >>> (8 * i)) & 0xff)) * FNV_PRIME;
        }
        return h;
    }

    private static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
