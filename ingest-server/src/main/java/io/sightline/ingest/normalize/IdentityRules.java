package io.sightline.ingest.normalize;

import static io.sightline.ingest.normalize.KeyRule.of;

import java.util.List;

/**
 * Session and user ids, in the order of conventions.md §10.5 (which differs from the general
 * convention order), followed by weaker sources: Langfuse metadata keys and the request's
 * end-user field sent to the provider. No other table maps these two fields.
 */
final class IdentityRules {
    private IdentityRules() {}

    static final List<KeyRule> RULES = List.of(
            of("gen_ai.conversation.id", Field.SESSION_ID),
            of("session.id", Field.SESSION_ID),
            of("langfuse.session.id", Field.SESSION_ID),
            of("traceloop.association.properties.session_id", Field.SESSION_ID),
            of("ai.telemetry.metadata.sessionId", Field.SESSION_ID),
            of("langfuse.trace.metadata.langfuse_session_id", Field.SESSION_ID),
            of("langfuse.observation.metadata.langfuse_session_id", Field.SESSION_ID),

            of("user.id", Field.USER_ID),
            of("enduser.id", Field.USER_ID),
            of("langfuse.user.id", Field.USER_ID),
            of("traceloop.association.properties.user_id", Field.USER_ID),
            of("ai.telemetry.metadata.userId", Field.USER_ID),
            of("langfuse.trace.metadata.langfuse_user_id", Field.USER_ID),
            of("langfuse.observation.metadata.langfuse_user_id", Field.USER_ID),
            of("gen_ai.request.user", Field.USER_ID),
            of("gen_ai.user", Field.USER_ID),
            of("llm.user", Field.USER_ID));
}
