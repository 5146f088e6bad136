package io.sightline.ingest.model;

import java.util.Objects;

/**
 * Canonical content of one span, for {@code span_content}, plus the list-view previews for
 * {@code spans.input_preview} / {@code output_preview}. Every non-empty field except the previews
 * is one valid JSON document:
 * <ul>
 *   <li>{@code systemInstructions}: array of parts, {@code [{"type":"text","content":"..."}]};
 *   <li>{@code inputMessages}, {@code outputMessages}: arrays of OTel GenAI messages,
 *       {@code [{"role":"user","parts":[...]}]}, output messages with {@code finish_reason};
 *   <li>{@code toolDefinitions}: array of {@code {"type":"function","name":..,"description":..,"parameters":..}};
 *   <li>{@code toolArguments}, {@code toolResult}, {@code genericInput}, {@code genericOutput}: the
 *       value as JSON — parsed when it was structured or a string holding a JSON object/array,
 *       otherwise a JSON string literal, so readers always parse JSON;
 *   <li>{@code retrievalDocuments}: array of {@code {"id":..,"content":..,"score":..,"metadata":..}}
 *       (absent members omitted).
 * </ul>
 * Empty content is all empty strings. Not redacted and not size-capped: that happens later.
 */
public record SpanContent(
        String systemInstructions,
        String inputMessages,
        String outputMessages,
        String toolDefinitions,
        String toolArguments,
        String toolResult,
        String retrievalDocuments,
        String genericInput,
        String genericOutput,
        String inputPreview,
        String outputPreview) {

    public static final SpanContent EMPTY = new SpanContent("", "", "", "", "", "", "", "", "", "", "");

    public SpanContent {
        Objects.requireNonNull(systemInstructions, "systemInstructions");
        Objects.requireNonNull(inputMessages, "inputMessages");
        Objects.requireNonNull(outputMessages, "outputMessages");
        Objects.requireNonNull(toolDefinitions, "toolDefinitions");
        Objects.requireNonNull(toolArguments, "toolArguments");
        Objects.requireNonNull(toolResult, "toolResult");
        Objects.requireNonNull(retrievalDocuments, "retrievalDocuments");
        Objects.requireNonNull(genericInput, "genericInput");
        Objects.requireNonNull(genericOutput, "genericOutput");
        Objects.requireNonNull(inputPreview, "inputPreview");
        Objects.requireNonNull(outputPreview, "outputPreview");
    }

    /** True when there is nothing to store in {@code span_content}. */
    public boolean isEmpty() {
        return systemInstructions.isEmpty() && inputMessages.isEmpty() && outputMessages.isEmpty()
                && toolDefinitions.isEmpty() && toolArguments.isEmpty() && toolResult.isEmpty()
                && retrievalDocuments.isEmpty() && genericInput.isEmpty() && genericOutput.isEmpty();
    }

    /** Sum of the content fields' lengths in chars (previews excluded). */
    public long contentChars() {
        return (long) systemInstructions.length() + inputMessages.length() + outputMessages.length()
                + toolDefinitions.length() + toolArguments.length() + toolResult.length()
                + retrievalDocuments.length() + genericInput.length() + genericOutput.length();
    }
}
