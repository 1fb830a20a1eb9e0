package dev.parley.chat;

import dev.parley.llm.ChatMessage;
import dev.parley.llm.LlmCall;
import dev.parley.llm.LlmException;
import dev.parley.llm.LlmListener;
import dev.parley.llm.LlmProvider;
import dev.parley.llm.LlmUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An in-memory provider for pipeline tests: plays a script of tokens on its own thread, like an
 * HTTP callback thread would, and can hold the stream open until released. The real providers are
 * tested against MockWebServer; this one isolates the pipeline's own behaviour.
 */
final class ScriptedProvider implements LlmProvider {

    private final List<String> tokens;
    private final LlmException failure;
    private final CountDownLatch release;
    private final int holdAfter;
    final List<List<ChatMessage>> requests = new CopyOnWriteArrayList<>();
    final AtomicBoolean cancelled = new AtomicBoolean();

    private ScriptedProvider(List<String> tokens, LlmException failure, int holdAfter, CountDownLatch release) {
        this.tokens = tokens;
        this.failure = failure;
        this.holdAfter = holdAfter;
        this.release = release;
    }

    static ScriptedProvider replying(String... tokens) {
        return new ScriptedProvider(List.of(tokens), null, -1, new CountDownLatch(0));
    }

    static ScriptedProvider failingAfter(LlmException failure, String... tokens) {
        return new ScriptedProvider(List.of(tokens), failure, -1, new CountDownLatch(0));
    }

    /** Sends the first {@code count} tokens, then waits for {@link #release()} before the rest. */
    static ScriptedProvider holdingAfter(int count, String... tokens) {
        return new ScriptedProvider(List.of(tokens), null, count, new CountDownLatch(1));
    }

    void release() {
        release.countDown();
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public String model() {
        return "script";
    }

    @Override
    public String baseUrl() {
        return "memory:";
    }

    @Override
    public LlmCall stream(List<ChatMessage> messages, LlmListener listener) {
        requests.add(new ArrayList<>(messages));
        AtomicBoolean stopped = new AtomicBoolean();
        Thread thread = new Thread(() -> {
            for (int i = 0; i < tokens.size(); i++) {
                if (i == holdAfter) {
                    await();
                }
                if (stopped.get()) {
                    return;
                }
                listener.onToken(tokens.get(i));
            }
            if (holdAfter >= tokens.size()) {
                await();
            }
            if (stopped.get()) {
                return;
            }
            if (failure != null) {
                listener.onError(failure);
            } else {
                listener.onComplete(new LlmUsage(3, tokens.size(), null, "stop"));
            }
        }, "scripted-provider");
        thread.start();
        return () -> {
            stopped.set(true);
            cancelled.set(true);
        };
    }

    private void await() {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public List<String> listModels() {
        return List.of("script");
    }
}
