package io.sightline.ingest.normalize;

import static io.sightline.ingest.normalize.KeyRule.of;
import static io.sightline.ingest.normalize.KeyRule.scaled;

import java.util.List;

/** OpenLIT's extensions beyond the OTel names (conventions.md §8.1). Request user: {@link IdentityRules}. */
final class OpenLitRules {
    private OpenLitRules() {}

    static final List<KeyRule> RULES = List.of(
            of("gen_ai.usage.cost", Field.COST_USD),
            of("gen_ai.client.token.usage", Field.TOTAL_TOKENS),
            of("gen_ai.usage.prompt_tokens_details.cached_tokens", Field.CACHE_READ_TOKENS),
            of("gen_ai.usage.prompt_tokens_details.cache_creation_tokens", Field.CACHE_WRITE_TOKENS),
            of("gen_ai.usage.completion_tokens_details.reasoning_tokens", Field.REASONING_TOKENS),
            scaled("gen_ai.server.time_to_first_token", Field.TTFT_MS, 1000),
            of("gen_ai.tool.args", Field.TOOL_ARGUMENTS),
            of("gen_ai.tool.input", Field.TOOL_ARGUMENTS),
            of("gen_ai.tool.output", Field.TOOL_RESULT),
            of("gen_ai.retrieval.query", Field.RETRIEVAL_QUERY),
            of("deployment.environment", Field.SPAN_ENVIRONMENT),
            of("gen_ai.environment", Field.SPAN_ENVIRONMENT));

    /** Keys only OpenLIT writes, used to tell its spans from other OTel-named ones. */
    static final List<String> MARKERS = List.of(
            "gen_ai.sdk.version", "gen_ai.application_name", "gen_ai.usage.cost",
            "gen_ai.client.token.usage", "gen_ai.server.time_to_first_token");
}
