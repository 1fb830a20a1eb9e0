package dev.parley.llm;

/**
 * What the provider reported at the end of a reply; each part is {@code null} when not reported.
 *
 * @param promptTokens tokens of the request ({@code prompt_tokens} or Ollama's {@code prompt_eval_count})
 * @param completionTokens tokens of the reply ({@code completion_tokens} or {@code eval_count})
 * @param evalNanos Ollama's {@code eval_duration}: time spent generating the reply
 * @param finishReason OpenAI's {@code finish_reason} or Ollama's {@code done_reason}
 */
public record LlmUsage(Integer promptTokens, Integer completionTokens, Long evalNanos, String finishReason) {

    public static final LlmUsage NONE = new LlmUsage(null, null, null, null);
}
