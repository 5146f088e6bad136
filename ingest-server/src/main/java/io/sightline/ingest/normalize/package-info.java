/**
 * GenAI normalisation, conventions.md §9–§10: {@link io.sightline.ingest.normalize.Normalizer}
 * turns raw spans and log records into {@code spans}, {@code span_content} and
 * {@code genai_log_events} rows. Pure: no I/O, no clock, no mutable static state.
 *
 * <p><b>Mapping tables are data.</b> One class per convention ({@code OtelGenAiRules},
 * {@code OtelLegacyRules}, {@code OpenInferenceRules}, {@code TraceloopRules},
 * {@code OpenLitRules}, {@code VercelAiRules}, {@code LangfuseRules}, {@code LogfireRules},
 * {@code IdentityRules}) lists key → field; {@code MappingRules} orders them by §10.1
 * (Langfuse → OTel → OTel legacy → OpenInference → Traceloop → OpenLIT → Vercel → Logfire) and a
 * field takes the usable value of the earliest rule. Session/user follow §10.5's own order. A
 * rename is one line in one table. Attributes are walked once; each key costs one hash lookup,
 * flattened keys a prefix check (no regex).
 *
 * <p><b>Decisions where conventions.md leaves room</b>
 * <ul>
 *   <li>Provider names go through {@code io.sightline.genai.pricing.Providers.normalize}, the
 *       vocabulary pricing uses; {@code ProviderNames.fromOpenInference} adds the
 *       {@code llm.system} + {@code llm.provider} pairing.
 *   <li>Finish reasons are stored canonical (OTel enum: {@code tool_calls}, {@code tool_use},
 *       {@code end_turn}, {@code max_tokens}, {@code SAFETY}, … mapped; unknown values
 *       lower-cased); the producer's spelling stays in {@code span_attributes}. Output messages
 *       carry the canonical value too.
 *   <li>{@code usage_is_rollup} = type agent/workflow/chain and kind not CLIENT: in-process
 *       wrappers repeat their children's usage; a CLIENT agent span calls a remote agent whose
 *       inner calls are not traced here, so its usage counts.
 *   <li>Token counts (§10.2): inclusive input/output; cache read + write above input, or reasoning
 *       above output, means exclusive counts and they are added back; Langfuse
 *       {@code usage_details} are exclusive by definition; total = max(reported, input + output).
 *   <li>System messages inside the history stay in {@code input_messages} (OTel rule);
 *       {@code system_instructions} is filled only from separate carriers
 *       ({@code gen_ai.system_instructions}, the details event, Vercel {@code ai.prompt.system}).
 *   <li>{@code tool_name}/{@code tool_call_id} are set on tool spans only (OpenLIT writes
 *       comma-joined lists of called tools on LLM spans). On tool spans, generic input/output
 *       (OpenInference {@code input.value}, Traceloop entity input) become tool arguments/result.
 *   <li>Content columns are always valid JSON (or ""): messages in the OTel GenAI schema;
 *       tool arguments/result and generic I/O are the parsed value when structured or a string
 *       holding JSON, else a JSON string literal. {@code tool_call_response} parts always use
 *       {@code response} ({@code result} accepted). OpenInference {@code __REDACTED__} is not
 *       content; Traceloop {@code FILTERED} completions become an empty message with
 *       {@code finish_reason} {@code content_filter}.
 *   <li>Keys dropped from {@code span_attributes} because they became content: every key of a
 *       content field in the tables (e.g. {@code gen_ai.input.messages}, {@code input.value},
 *       {@code traceloop.entity.input}, {@code ai.prompt.messages}, {@code langfuse.observation.input}),
 *       all flattened {@code gen_ai.prompt.N.*}, {@code gen_ai.completion.N.*},
 *       {@code llm.input_messages.N.*}, {@code llm.output_messages.N.*}, {@code llm.prompts.N.*},
 *       {@code llm.choices.N.*}, {@code llm.tools.N.*}, {@code llm.request.functions.N.*},
 *       {@code retrieval.documents.N.*}, {@code reranker.*_documents.N.*},
 *       {@code embedding.embeddings.N.*} (vectors included), and Logfire's {@code events},
 *       {@code request_data}, {@code response_data} on Logfire spans — whether or not they won.
 *       Content span events keep name and time but not attributes; Traceloop chunk events are
 *       dropped (first one gives TTFT).
 *   <li>{@code semconv_source}: the convention whose attribute decided the span type; when that
 *       is an OTel attribute (shared by many producers), the most specific vendor whose keys the
 *       span carries (Langfuse, Logfire, OpenLIT, Vercel, Traceloop, OpenInference), else
 *       {@code otel_genai_legacy} when pre-1.37 names or content events won, else {@code otel_genai}.
 *   <li>Streaming: explicit flags first, else true when a time to first token is known.
 *       Errors: status ERROR gives {@code error_message} from the status, else the exception event,
 *       else Langfuse's status message; {@code error_type} from {@code error.type}, else the
 *       exception type, else OTel's {@code _OTHER}. Langfuse level ERROR turns an unset status into
 *       ERROR. {@code operation_name} without {@code gen_ai.operation.name} is derived from the
 *       type ({@code chat}, {@code embeddings}, {@code execute_tool}, …).
 *   <li>Log events: {@code event_id} hashes trace, span, time, name, <em>sequence</em> and body
 *       (the same text can repeat in one history at one timestamp); the sequence is also stored as
 *       attribute {@code sightline.log.sequence} because the table has no column for it and it is
 *       the only order between events sharing a timestamp. {@code LogEventContent} folds them back
 *       into span content on the read side.
 * </ul>
 *
 * <p><b>Cost</b> measured on the shared 2-core dev machine under load (load average ≈ 7): about
 * 1.5–2 µs per span for typical spans without content, 6–8 µs for a chat span with JSON message
 * content; decoding about 1.5–3 µs per span from protobuf and 5 µs from JSON.
 */
package io.sightline.ingest.normalize;
