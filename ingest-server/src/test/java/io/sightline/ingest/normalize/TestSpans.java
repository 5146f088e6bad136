package io.sightline.ingest.normalize;

import io.sightline.ingest.model.Attributes;
import io.sightline.ingest.model.NormalizedResult;
import io.sightline.ingest.model.RawEvent;
import io.sightline.ingest.model.RawSpan;
import io.sightline.ingest.model.SpanKind;
import io.sightline.ingest.model.StatusCode;
import java.util.ArrayList;
import java.util.List;

/** Hand-built raw spans for normaliser tests. */
final class TestSpans {
    static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String SPAN = "00f067aa0ba902b7";
    static final String PARENT = "b7ad6b7169203331";
    static final long START = 1_800_000_000_000_000_000L;

    private String parent = PARENT;
    private SpanKind kind = SpanKind.CLIENT;
    private StatusCode status = StatusCode.UNSET;
    private String statusMessage = "";
    private String scope = "test";
    private String name = "span";
    private Attributes resource = Attributes.of("service.name", "svc");
    private Attributes attributes = Attributes.EMPTY;
    private final List<RawEvent> events = new ArrayList<>();

    static TestSpans span(Object... keysAndValues) {
        TestSpans t = new TestSpans();
        t.attributes = Attributes.of(keysAndValues);
        return t;
    }

    TestSpans root() {
        parent = "";
        return this;
    }

    TestSpans kind(SpanKind k) {
        kind = k;
        return this;
    }

    TestSpans status(StatusCode code, String message) {
        status = code;
        statusMessage = message;
        return this;
    }

    TestSpans scope(String s) {
        scope = s;
        return this;
    }

    TestSpans name(String n) {
        name = n;
        return this;
    }

    TestSpans resource(Object... keysAndValues) {
        resource = Attributes.of(keysAndValues);
        return this;
    }

    /** An event {@code offsetMillis} after the span start. */
    TestSpans event(String eventName, long offsetMillis, Object... keysAndValues) {
        events.add(new RawEvent(START + offsetMillis * 1_000_000, eventName, Attributes.of(keysAndValues)));
        return this;
    }

    RawSpan build() {
        return new RawSpan(resource, scope, "1.0", TRACE, SPAN, parent, name, kind, START, START + 2_000_000_000L,
                attributes, events, List.of(), status, statusMessage, 0, 0, 0);
    }

    NormalizedResult normalize() {
        return new Normalizer().normalize(build());
    }

    @Override
    public String toString() {
        return name;
    }
}
