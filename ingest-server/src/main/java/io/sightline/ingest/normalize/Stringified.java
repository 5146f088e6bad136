package io.sightline.ingest.normalize;

import io.sightline.ingest.model.AttributeValues;
import io.sightline.ingest.model.Attributes;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** Attributes as {@code Map(String, String)} column values: structured values as JSON, duplicates last-wins. */
final class Stringified {
    private Stringified() {}

    static Map<String, String> of(Attributes attributes) {
        if (attributes.isEmpty()) {
            return Map.of();
        }
        Map<String, String> m = HashMap.newHashMap(attributes.size());
        for (int i = 0; i < attributes.size(); i++) {
            m.put(attributes.key(i), AttributeValues.asString(attributes.value(i)));
        }
        return Collections.unmodifiableMap(m);
    }
}
