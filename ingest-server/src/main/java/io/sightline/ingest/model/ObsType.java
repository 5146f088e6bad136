package io.sightline.ingest.model;

/** Normalised span type (conventions.md §9); {@link #columnValue()} is the {@code spans.obs_type} enum name. */
public enum ObsType {
    OTHER, LLM, EMBEDDING, RETRIEVER, RERANKER, TOOL, AGENT, WORKFLOW, CHAIN, GUARDRAIL, EVALUATOR;

    public String columnValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Types whose spans wrap other spans and may repeat their children's usage (conventions.md §10.2). */
    public boolean isAggregate() {
        return this == AGENT || this == WORKFLOW || this == CHAIN;
    }
}
