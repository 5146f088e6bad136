package io.sightline.ingest.normalize;

import io.sightline.ingest.model.NormalizedSpan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Session and user ids often sit on only the root or some spans of a trace (conventions.md §10.5);
 * they apply to every span of the trace. {@link #collect} finds them per trace, {@link #apply}
 * fills them in; a cross-request cache can sit between the two (merge its entries into the map).
 * A span that carries its own id keeps it. Per trace, the root span's id wins, else the first
 * span (in list order) that has one.
 */
public final class TraceIdentity {
    /** The session and user of one trace; "" = unknown. */
    public record Identity(String sessionId, String userId) {
        public Identity {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(userId, "userId");
        }

        public boolean isEmpty() {
            return sessionId.isEmpty() && userId.isEmpty();
        }

        /** This identity with blanks filled from {@code other}. */
        public Identity orElse(Identity other) {
            return new Identity(sessionId.isEmpty() ? other.sessionId : sessionId,
                    userId.isEmpty() ? other.userId : userId);
        }
    }

    private TraceIdentity() {}

    /** Identities by trace id, for traces where any span names a session or user. */
    public static Map<String, Identity> collect(List<NormalizedSpan> spans) {
        Map<String, Identity> fromRoots = new HashMap<>();
        Map<String, Identity> fromAny = new HashMap<>();
        for (NormalizedSpan s : spans) {
            if (s.sessionId().isEmpty() && s.userId().isEmpty()) {
                continue;
            }
            Identity id = new Identity(s.sessionId(), s.userId());
            if (s.isRoot()) {
                fromRoots.merge(s.traceId(), id, Identity::orElse);
            }
            fromAny.merge(s.traceId(), id, Identity::orElse);
        }
        fromAny.replaceAll((trace, any) -> {
            Identity root = fromRoots.get(trace);
            return root == null ? any : root.orElse(any);
        });
        return fromAny;
    }

    /** The spans with blank session/user ids filled from {@code identities} (by trace id). */
    public static List<NormalizedSpan> apply(List<NormalizedSpan> spans, Map<String, Identity> identities) {
        if (identities.isEmpty()) {
            return spans;
        }
        List<NormalizedSpan> out = new ArrayList<>(spans.size());
        for (NormalizedSpan s : spans) {
            out.add(apply(s, identities.get(s.traceId())));
        }
        return out;
    }

    static NormalizedSpan apply(NormalizedSpan s, Identity id) {
        if (id == null) {
            return s;
        }
        boolean fillSession = s.sessionId().isEmpty() && !id.sessionId().isEmpty();
        boolean fillUser = s.userId().isEmpty() && !id.userId().isEmpty();
        if (!fillSession && !fillUser) {
            return s;
        }
        return s.toBuilder()
                .sessionId(fillSession ? id.sessionId() : s.sessionId())
                .userId(fillUser ? id.userId() : s.userId())
                .build();
    }

    /** {@code apply(spans, collect(spans))}: propagation within one batch. */
    public static List<NormalizedSpan> propagate(List<NormalizedSpan> spans) {
        return apply(spans, collect(spans));
    }
}
