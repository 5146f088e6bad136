package io.sightline.ingest.decode;

import java.util.Arrays;

/** Applies {@link DecodeLimits} to values as the readers build them. */
final class ValueLimiter {
    private final DecodeLimits limits;

    ValueLimiter(DecodeLimits limits) {
        this.limits = limits;
    }

    DecodeLimits limits() {
        return limits;
    }

    String truncate(String s) {
        int max = limits.maxStringChars();
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }

    byte[] truncate(byte[] b) {
        return b.length <= limits.maxStringChars() ? b : Arrays.copyOf(b, limits.maxStringChars());
    }

    void checkAttributeCount(int count, String where) throws ItemRejectedException {
        if (count > limits.maxAttributes()) {
            throw new ItemRejectedException(where + " has more than " + limits.maxAttributes() + " attributes");
        }
    }

    void checkDepth(int depth, String key) throws ItemRejectedException {
        if (depth > limits.maxValueDepth()) {
            throw new ItemRejectedException("value of '" + key + "' is nested deeper than "
                    + limits.maxValueDepth() + " levels");
        }
    }

    /** Counts entries of one value; {@code counter[0]} is reset by the caller per value. */
    void countElements(int[] counter, int n, String key) throws ItemRejectedException {
        counter[0] += n;
        if (counter[0] > limits.maxValueElements()) {
            throw new ItemRejectedException("value of '" + key + "' has more than "
                    + limits.maxValueElements() + " array/kvlist entries");
        }
    }
}
