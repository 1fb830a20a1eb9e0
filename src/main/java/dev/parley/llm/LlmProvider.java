package dev.parley.llm;

import java.util.List;

/**
 * A chat model that streams its reply: an OpenAI-compatible server or Ollama.
 *
 * <p>Implementations are thread-safe and hold no per-call state; many calls may stream at once.
 */
public interface LlmProvider {

    /** {@code openai} or {@code ollama}. */
    String name();

    /** The model replies come from. */
    String model();

    /** The base URL requests go to, for messages and status displays. */
    String baseUrl();

    /**
     * Starts streaming a reply to {@code messages} (system prompt first, then the history, then the
     * new user message). Returns at once; the listener is called on an HTTP thread, never on the
     * caller's, one callback at a time, and ends with exactly one of
     * {@link LlmListener#onComplete} or {@link LlmListener#onError} unless the call is cancelled.
     */
    LlmCall stream(List<ChatMessage> messages, LlmListener listener);

    /**
     * The models the server offers ({@code GET /models} or {@code /api/tags}), for pickers.
     * Blocks; call it off the UI thread.
     */
    List<String> listModels() throws LlmException;
}
