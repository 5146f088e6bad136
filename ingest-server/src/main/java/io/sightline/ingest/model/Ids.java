package io.sightline.ingest.model;

/** Checks for the lower-case hex trace and span ids the model carries. */
public final class Ids {
    public static final int TRACE_ID_HEX_LENGTH = 32;
    public static final int SPAN_ID_HEX_LENGTH = 16;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Ids() {}

    /** Bit {@code c} set for the chars {@code 0-9} (low word) and {@code a-f} (high word, offset 64). */
    private static final long DIGITS = 0x03FF_0000_0000_0000L;
    private static final long LOWER_AF = 0x0000_007E_0000_0000L;

    /** True when {@code s} has {@code length} lower-case hex digits and is not all zeros. */
    public static boolean isValid(String s, int length) {
        if (s == null || s.length() != length) {
            return false;
        }
        boolean nonZero = false;
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            long mask = c < 64 ? DIGITS : c < 128 ? LOWER_AF : 0;
            if ((mask & (1L << c)) == 0) { // shift uses c mod 64
                return false;
            }
            nonZero |= c != '0';
        }
        return nonZero;
    }

    static String requireTraceId(String s, String what) {
        if (!isValid(s, TRACE_ID_HEX_LENGTH)) {
            throw new IllegalArgumentException(what + " must be 32 lower-case hex digits, not all zero: '" + s + "'");
        }
        return s;
    }

    static String requireSpanId(String s, String what) {
        if (!isValid(s, SPAN_ID_HEX_LENGTH)) {
            throw new IllegalArgumentException(what + " must be 16 lower-case hex digits, not all zero: '" + s + "'");
        }
        return s;
    }

    /** Lower-case hex of {@code bytes}. */
    public static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[bytes[i] & 0xf];
        }
        return new String(out);
    }
}
