package io.sightline.ingest.normalize;

import static io.sightline.ingest.normalize.KeyRule.mapped;
import static io.sightline.ingest.normalize.KeyRule.of;

import java.util.List;

/** OTel GenAI names renamed or deprecated before v1.37 (conventions.md §3.6, §4). */
final class OtelLegacyRules {
    private OtelLegacyRules() {}

    static final List<KeyRule> RULES = List.of(
            mapped("gen_ai.system", Field.PROVIDER, ProviderNames::normalize),
            of("gen_ai.usage.prompt_tokens", Field.INPUT_TOKENS),
            of("gen_ai.usage.completion_tokens", Field.OUTPUT_TOKENS));

    /** v1.26–v1.27 span events holding the whole prompt / completion as one JSON string. */
    static final String PROMPT_EVENT = "gen_ai.content.prompt";
    static final String PROMPT_EVENT_ATTRIBUTE = "gen_ai.prompt";
    static final String COMPLETION_EVENT = "gen_ai.content.completion";
    static final String COMPLETION_EVENT_ATTRIBUTE = "gen_ai.completion";
    /** Present without {@code gen_ai.provider.name}: a pre-1.37 producer. */
    static final String SYSTEM = "gen_ai.system";
}
