package dev.parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records a turn's events and lets a test wait for them, in the style of okhttp's recorders. */
final class EventRecorder implements ChatListener {

    private final BlockingQueue<ChatEvent> queue = new LinkedBlockingQueue<>();
    final List<ChatEvent> all = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(ChatEvent event) {
        all.add(event);
        queue.add(event);
    }

    /** Waits for the next event and checks its type. */
    <T extends ChatEvent> T next(Class<T> type) throws InterruptedException {
        ChatEvent event = queue.poll(10, TimeUnit.SECONDS);
        assertThat(event).as("next event").isInstanceOf(type);
        return type.cast(event);
    }

    /** Waits until the terminal event and returns it. */
    ChatEvent awaitEnd() throws InterruptedException {
        while (true) {
            ChatEvent event = queue.poll(10, TimeUnit.SECONDS);
            assertThat(event).as("terminal event within 10 s").isNotNull();
            if (event.isTerminal()) {
                return event;
            }
        }
    }

    <T extends ChatEvent> List<T> ofType(Class<T> type) {
        return all.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
