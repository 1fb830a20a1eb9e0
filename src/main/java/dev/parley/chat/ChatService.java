package dev.parley.chat;

import dev.parley.llm.LlmProvider;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The chat pipeline: answers a message with a streamed reply, speaks it chunk by chunk and keeps
 * the conversation. Front ends (the WebSocket server, the window) start turns and listen to their
 * events; nothing here knows about either.
 *
 * <p>Thread-safe. Owns nothing it is given: the caller shuts the synthesis pool down.
 */
public final class ChatService {

    private final Supplier<LlmProvider> provider;
    private final Supplier<String> systemPrompt;
    private final ConversationStore store;
    private final HistoryWindow history;
    private final Executor synthesisPool;

    /**
     * @param provider the provider for each new turn (settings may swap it while running)
     * @param systemPrompt the system prompt for each new turn
     * @param store where conversations are kept
     * @param history what part of a conversation is sent
     * @param synthesisPool the small bounded pool all turns synthesize on
     */
    public ChatService(Supplier<LlmProvider> provider, Supplier<String> systemPrompt, ConversationStore store,
            HistoryWindow history, Executor synthesisPool) {
        this.provider = Objects.requireNonNull(provider);
        this.systemPrompt = Objects.requireNonNull(systemPrompt);
        this.store = Objects.requireNonNull(store);
        this.history = Objects.requireNonNull(history);
        this.synthesisPool = Objects.requireNonNull(synthesisPool);
    }

    public ConversationStore store() {
        return store;
    }

    /**
     * Starts a turn and returns at once. The listener receives the turn's events one at a time,
     * in order, on {@code delivery}, starting with {@link ChatEvent.Started} (or a
     * {@link ChatEvent.Failed} with code 409 when the conversation already has a turn running).
     */
    public ChatTurn start(TurnRequest request, Executor delivery, ChatListener listener) {
        RunningTurn turn = new RunningTurn(request, provider.get(), systemPrompt.get(), store, history, synthesisPool,
                new SerialExecutor(delivery), listener);
        turn.begin();
        return turn;
    }
}
