package io.sightline.query.spans;

import java.util.List;

/**
 * A span's full content as ingest stored it (canonical OTel GenAI message JSON, already redacted),
 * with GenAI log events folded in where the span itself carried none.
 */
public record SpanContent(String systemInstructions, String inputMessages, String outputMessages,
    String toolDefinitions, String toolArguments, String toolResult, String retrievalDocuments,
    String genericInput, String genericOutput, List<String> truncatedFields, long redactionCount) {

  public static final SpanContent EMPTY =
      new SpanContent("", "", "", "", "", "", "", "", "", List.of(), 0);

  public SpanContent {
    truncatedFields = truncatedFields == null ? List.of() : List.copyOf(truncatedFields);
  }

  public boolean isEmpty() {
    return systemInstructions.isEmpty() && inputMessages.isEmpty() && outputMessages.isEmpty()
        && toolDefinitions.isEmpty() && toolArguments.isEmpty() && toolResult.isEmpty()
        && retrievalDocuments.isEmpty() && genericInput.isEmpty() && genericOutput.isEmpty();
  }

  SpanContent withMessages(String system, String input, String output) {
    return new SpanContent(systemInstructions.isEmpty() ? system : systemInstructions,
        inputMessages.isEmpty() ? input : inputMessages,
        outputMessages.isEmpty() ? output : outputMessages, toolDefinitions, toolArguments,
        toolResult, retrievalDocuments, genericInput, genericOutput, truncatedFields, redactionCount);
  }
}
