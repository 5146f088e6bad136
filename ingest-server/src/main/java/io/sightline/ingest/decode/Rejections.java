package io.sightline.ingest.decode;

import java.util.ArrayList;
import java.util.List;

/** Counts rejected items of one request and keeps the first few reasons. */
final class Rejections {
    /** Reasons kept per request; more would only repeat themselves. */
    static final int MAX_MESSAGES = 5;

    private final List<String> messages = new ArrayList<>(2);
    private int count;

    void reject(String message) {
        count++;
        if (messages.size() < MAX_MESSAGES) {
            messages.add(message);
        }
    }

    int count() {
        return count;
    }

    List<String> messages() {
        return messages;
    }

    static String summary(int count, List<String> messages, String noun) {
        if (count == 0) {
            return "";
        }
        String head = count + " " + noun + (count == 1 ? "" : "s") + " rejected: " + String.join("; ", messages);
        return count > messages.size() ? head + "; ..." : head;
    }
}
