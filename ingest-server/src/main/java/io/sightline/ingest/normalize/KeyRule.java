package io.sightline.ingest.normalize;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One line of a mapping table: attribute {@code key} feeds {@code field}. Its precedence is its
 * position in {@link MappingRules#ORDER} (earlier wins).
 *
 * @param scale multiplier for {@link Field.Kind#NUMBER} values (1000 turns seconds into ms)
 * @param transform applied to {@link Field.Kind#STRING} values (vocabulary mapping), or null
 */
record KeyRule(String key, Field field, double scale, UnaryOperator<String> transform) {
    KeyRule {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(field, "field");
        if (transform != null && field.kind != Field.Kind.STRING) {
            throw new IllegalArgumentException("transform only applies to string fields: " + key);
        }
        if (scale != 1 && field.kind != Field.Kind.NUMBER) {
            throw new IllegalArgumentException("scale only applies to number fields: " + key);
        }
    }

    static KeyRule of(String key, Field field) {
        return new KeyRule(key, field, 1, null);
    }

    static KeyRule scaled(String key, Field field, double scale) {
        return new KeyRule(key, field, scale, null);
    }

    static KeyRule mapped(String key, Field field, UnaryOperator<String> transform) {
        return new KeyRule(key, field, 1, transform);
    }
}
