package dev.parley.chat;

import dev.parley.audio.Pcm;
import dev.parley.llm.ChatMessage;
import dev.parley.llm.LlmCall;
import dev.parley.llm.LlmException;
import dev.parley.llm.LlmListener;
import dev.parley.llm.LlmProvider;
import dev.parley.llm.LlmUsage;
import dev.parley.tts.Synthesizer;
import dev.parley.tts.TtsException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One turn: streams the reply from the provider, cuts it into speech chunks, synthesizes them one
 * after another on the shared pool, and delivers every event through a serial executor.
 *
 * <p>State moves NEW → STREAMING → FINISHING (reply done, speech pending) → DONE, or straight to
 * DONE on cancel or error. Every change of state, and every delivery before the terminal one,
 * happens under {@link #lock}, so events are queued in the order they happened. The terminal event
 * is queued by the one thread that moved the state to DONE, after which nothing else is queued.
 * The conversation's turn slot is released, and the reply saved, before the terminal event is
 * delivered, so a client that reacts to it by sending the next message is never refused. A save
 * that fails (the question's or the reply's) does not stop the turn: it is reported once, as
 * {@link ChatEvent.NotSaved} right before the terminal event, by the same thread. A conversation
 * deleted while its turn runs stays deleted: the turn still runs to its end but keeps neither
 * question nor reply, and reports no failure to save, since the user threw it away on purpose.
 */
final class RunningTurn implements ChatTurn, LlmListener {

    private static final Logger LOG = LoggerFactory.getLogger(RunningTurn.class);

    private enum State { NEW, STREAMING, FINISHING, DONE }


    private final TurnRequest request;
    private final LlmProvider provider;
    private final String systemPrompt;
    private final ConversationStore store;
    private final HistoryWindow history;
    private final Executor synthesisPool;
    private final Executor delivery;
    private final ChatListener listener;
    private final String conversationId;
    private final SpeechChunker chunker = new SpeechChunker();
    private final StringBuilder reply = new StringBuilder();
    private final Object lock = new Object();

    private State state = State.NEW;
    private volatile boolean stopped;
    private LlmCall call;
    private CompletableFuture<Void> speech = CompletableFuture.completedFuture(null);
    private int audioIndex;
    private int tokenEvents;
    private LlmUsage usage = LlmUsage.NONE;
    private final long startNanos = System.nanoTime();
    private long firstTokenNanos;
    private long lastTokenNanos;
    private long firstAudioNanos;
    private long firstChunkNanos;
    private long firstSynthesisNanos;
    private final PlaybackSchedule playback = new PlaybackSchedule();
    // Written before the turn streams and by the one thread that ends it.
    private volatile IOException saveFailure;

    RunningTurn(TurnRequest request, LlmProvider provider, String systemPrompt, ConversationStore store,
            HistoryWindow history, Executor synthesisPool, Executor delivery, ChatListener listener) {
        this.request = request;
        this.provider = provider;
        this.systemPrompt = systemPrompt;
        this.store = store;
        this.history = history;
        this.synthesisPool = synthesisPool;
        this.delivery = delivery;
        this.listener = listener;
        this.conversationId = request.conversationId() != null ? request.conversationId() : ConversationIds.newId();
    }

    @Override
    public String conversationId() {
        return conversationId;
    }

    void begin() {
        if (!store.tryBeginTurn(conversationId)) {
            synchronized (lock) {
                state = State.DONE;
            }
            deliver(new ChatEvent.Failed(409, "conversation " + conversationId
                    + " is already answering another message; wait for it to complete or cancel it", ""));
            return;
        }
        Optional<Conversation> existing = store.find(conversationId);
        List<StoredMessage> earlier = existing.map(Conversation::messages).orElse(List.of());
        List<ChatMessage> messages = history.build(systemPrompt, earlier, request.message());
        saveQuestion(existing.isPresent());
        LOG.debug("Turn on {} with {} messages to {} ({})", conversationId, messages.size(), provider.name(),
                provider.model());
        synchronized (lock) {
            state = State.STREAMING;
            deliver(new ChatEvent.Started(conversationId));
            try {
                call = provider.stream(messages, this);
            } catch (RuntimeException e) {
                LOG.error("Could not start the request to {}", provider.baseUrl(), e);
                onError(new LlmException(500, "could not start the request: " + e.getMessage(), e));
            }
        }
    }

    @Override
    public void onToken(String token) {
        synchronized (lock) {
            if (state != State.STREAMING) {
                return;
            }
            long now = System.nanoTime();
            if (tokenEvents == 0) {
                firstTokenNanos = now;
            }
            lastTokenNanos = now;
            tokenEvents++;
            reply.append(token);
            deliver(new ChatEvent.Token(token, reply.toString()));
            for (SpeechChunk chunk : chunker.append(token)) {
                speakLater(chunk);
            }
        }
    }

    @Override
    public void onComplete(LlmUsage finalUsage) {
        CompletableFuture<Void> pending;
        synchronized (lock) {
            if (state != State.STREAMING) {
                return;
            }
            state = State.FINISHING;
            usage = finalUsage;
            for (SpeechChunk chunk : chunker.finish()) {
                speakLater(chunk);
            }
            pending = speech;
        }
        pending.whenComplete((ignored, error) -> complete());
    }

    @Override
    public void onError(LlmException error) {
        String text;
        synchronized (lock) {
            if (state != State.STREAMING) {
                return;
            }
            state = State.DONE;
            stopped = true;
            text = reply.toString();
        }
        LOG.warn("Reply on {} failed ({}): {}", conversationId, error.code(), error.getMessage());
        finish(text, true);
        deliver(new ChatEvent.Failed(error.code(), error.getMessage(), text));
    }

    @Override
    public void cancel() {
        String text;
        LlmCall toCancel;
        synchronized (lock) {
            if (state == State.DONE) {
                return;
            }
            state = State.DONE;
            stopped = true;
            text = reply.toString();
            toCancel = call;
        }
        if (toCancel != null) {
            toCancel.cancel();
        }
        LOG.debug("Turn on {} cancelled after {} characters", conversationId, text.length());
        finish(text, true);
        deliver(new ChatEvent.Cancelled(text));
    }

    private void complete() {
        String text;
        synchronized (lock) {
            if (state != State.FINISHING) {
                return;
            }
            state = State.DONE;
            text = reply.toString();
        }
        finish(text, false);
        deliver(new ChatEvent.Completed(text, metrics()));
    }

    /** Called under the lock: queues synthesis of a chunk after the turn's previous one. */
    private void speakLater(SpeechChunk chunk) {
        if (chunk.spoken().isBlank()) {
            return;
        }
        if (firstChunkNanos == 0) {
            firstChunkNanos = System.nanoTime();
        }
        Synthesizer synthesizer = request.synthesizer();
        if (synthesizer == null) {
            return;
        }
        speech = speech.thenRunAsync(() -> speak(synthesizer, chunk), synthesisPool)
                .exceptionally(error -> {
                    LOG.warn("Speech for a chunk was dropped: {}", error.toString());
                    return null;
                });
    }

    private void speak(Synthesizer synthesizer, SpeechChunk chunk) {
        if (stopped) {
            return;
        }
        Pcm pcm;
        long synthesisStart = System.nanoTime();
        try {
            pcm = synthesizer.synthesize(chunk.spoken());
        } catch (TtsException | RuntimeException e) {
            LOG.warn("Could not synthesize \"{}\": {}", abbreviate(chunk.spoken()), e.getMessage());
            return;
        }
        if (pcm.samples().length == 0) {
            return;
        }
        synchronized (lock) {
            if (state == State.DONE) {
                return;
            }
            long now = System.nanoTime();
            if (audioIndex == 0) {
                firstAudioNanos = now;
                firstSynthesisNanos = now - synthesisStart;
            }
            playback.arrived(now, pcm.durationNanos());
            deliver(new ChatEvent.Audio(audioIndex++, chunk.spoken(), pcm, chunk.start(), chunk.end()));
        }
    }

    /**
     * Saves the reply, even an empty interrupted one, so the stored conversation keeps its
     * question-and-answer shape; then frees the conversation for its next turn, and reports a
     * failed save. Called by the one thread that moved the state to DONE, before the terminal event.
     */
    private void finish(String text, boolean interrupted) {
        try {
            // Without its question the reply would break the conversation's question-and-answer shape.
            if (saveFailure == null) {
                saveReply(text, interrupted);
            }
        } finally {
            store.endTurn(conversationId);
        }
        IOException failure = saveFailure;
        if (failure != null) {
            deliver(new ChatEvent.NotSaved("the reply could not be saved: " + reason(failure)));
        }
    }

    /**
     * Saves the question. A conversation that existed when the turn began is only added to, never
     * created again: one deleted since (from the window) stays deleted, and the turn still streams
     * but keeps nothing, its reply included, since there is no conversation left to keep it in.
     */
    private void saveQuestion(boolean continuing) {
        StoredMessage question = new StoredMessage(ChatMessage.Role.USER, request.message(), store.clock().instant(),
                false);
        try {
            if (!continuing) {
                store.append(conversationId, question);
            } else if (!store.appendIfPresent(conversationId, question)) {
                LOG.debug("Conversation {} was deleted as its turn began; the turn is not kept", conversationId);
            }
        } catch (IOException e) {
            saveFailed(e);
        }
    }

    private void saveReply(String text, boolean interrupted) {
        try {
            StoredMessage reply = new StoredMessage(ChatMessage.Role.ASSISTANT, text, store.clock().instant(),
                    interrupted);
            if (!store.appendIfPresent(conversationId, reply)) {
                LOG.debug("Conversation {} was deleted during its turn; the reply is not kept", conversationId);
            }
        } catch (IOException e) {
            saveFailed(e);
        }
    }

    private void saveFailed(IOException e) {
        LOG.warn("Could not save conversation {}: {}", conversationId, e.toString());
        if (saveFailure == null) {
            saveFailure = e;
        }
    }

    /** The operating system's reason without the file's path, which is no business of a remote client. */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "the conversations folder is a file";
        }
        if (e instanceof NoSuchFileException) {
            return "the conversations folder cannot be created";
        }
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private TurnMetrics metrics() {
        long now = System.nanoTime();
        int tokens = usage.completionTokens() != null ? usage.completionTokens() : tokenEvents;
        double tokensPerSecond;
        if (usage.evalNanos() != null && usage.evalNanos() > 0) {
            tokensPerSecond = tokens * 1e9 / usage.evalNanos();
        } else if (lastTokenNanos > firstTokenNanos) {
            tokensPerSecond = tokens * 1e9 / (lastTokenNanos - firstTokenNanos);
        } else {
            tokensPerSecond = 0;
        }
        return new TurnMetrics(
                tokenEvents == 0 ? null : millis(firstTokenNanos - startNanos),
                audioIndex == 0 ? null : millis(firstAudioNanos - startNanos),
                tokens,
                Math.round(tokensPerSecond * 10) / 10.0,
                millis(now - startNanos),
                firstChunkNanos == 0 ? null : millis(firstChunkNanos - startNanos),
                audioIndex == 0 ? null : millis(firstSynthesisNanos),
                playback.underruns());
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private void deliver(ChatEvent event) {
        delivery.execute(() -> listener.onEvent(event));
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
