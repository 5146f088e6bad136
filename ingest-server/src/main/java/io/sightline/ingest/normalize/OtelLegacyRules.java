package io.sightline.ingest.normalize;

import static io.sightline.ingest.normalize.KeyRule.mapped;
import static io.sightline.ingest.normalize.KeyRule.of;

import io.sightline.genai.pricing.Providers;
import java.util.List;

/** OTel GenAI names renamed or deprecated before v1.37 (conventions.md §3.6, §4). */
final class OtelLegacyRules {
    private OtelLegacyRules() {}

    /** v1.26–v1.27 span events holding the whole prompt / completion as one JSON string. */
    static final String PROMPT_EVENT = "gen_ai.content.prompt";
    static final String PROMPT_EVENT_ATTRIBUTE = "gen_ai.prompt";
    static final String COMPLETION_EVENT = "gen_ai.content.completion";
    static final String COMPLETION_EVENT_ATTRIBUTE = "gen_ai.completion";

    static final List<KeyRule> RULES = List.of(
            mapped("gen_ai.system", Field.PROVIDER, Providers::normalize),
            of("gen_ai.usage.prompt_tokens", Field.INPUT_TOKENS),
            of("gen_ai.usage.completion_tokens", Field.OUTPUT_TOKENS),
            // the v1.26 event attributes, which some SDKs set on the span itself
            of(PROMPT_EVENT_ATTRIBUTE, Field.INPUT_MESSAGES),
            of(COMPLETION_EVENT_ATTRIBUTE, Field.OUTPUT_MESSAGES));
}
