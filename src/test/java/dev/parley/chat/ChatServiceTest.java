package dev.parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.audio.Pcm;
import dev.parley.llm.ChatMessage;
import dev.parley.llm.LlmException;
import dev.parley.llm.LlmProvider;
import dev.parley.tts.Synthesizer;
import dev.parley.tts.TtsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatServiceTest {

    @TempDir
    Path dir;

    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final List<String> synthesized = new CopyOnWriteArrayList<>();
    /** Audio whose length is the number of characters spoken, so chunks are told apart. */
    private final Synthesizer synthesizer = text -> {
        synthesized.add(text);
        return new Pcm(new short[text.length()], 22050);
    };

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    /** Lets every synthesis already queued finish, so nothing can arrive after the assertions that follow. */
    private void drainPool() throws InterruptedException {
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    private ChatService service(LlmProvider provider) throws Exception {
        return service(provider, new ConversationStore(dir, Clock.systemUTC()));
    }

    private ChatService service(LlmProvider provider, ConversationStore store) {
        return new ChatService(() -> provider, () -> "Be brief.", store, new HistoryWindow(10_000), pool);
    }

    /** Starts a silent turn and waits for its first token. */
    private static EventRecorder startedUpToTheFirstToken(ChatService service, String message, String id)
            throws InterruptedException {
        EventRecorder events = new EventRecorder();
        service.start(new TurnRequest(message, id, null), Runnable::run, events);
        events.next(ChatEvent.Started.class);
        events.next(ChatEvent.Token.class);
        return events;
    }

    @Test
    void eventsArriveInOrderAndCompleteFollowsTheLastAudio() throws Exception {
        ScriptedProvider provider = ScriptedProvider.replying("One two three four", ". Five six", " seven eight.",
                " Nine ten eleven twelve.");
        EventRecorder events = new EventRecorder();
        ChatTurn turn = service(provider).start(new TurnRequest("Count", null, synthesizer), Runnable::run, events);

        ChatEvent.Started started = events.next(ChatEvent.Started.class);
        assertThat(started.conversationId()).isEqualTo(turn.conversationId());
        ChatEvent.Completed completed = (ChatEvent.Completed) events.awaitEnd();

        assertThat(completed.text()).isEqualTo("One two three four. Five six seven eight. Nine ten eleven twelve.");
        assertThat(events.ofType(ChatEvent.Token.class)).extracting(ChatEvent.Token::text).containsExactly(
                "One two three four", "One two three four. Five six", "One two three four. Five six seven eight.",
                completed.text());
        List<ChatEvent.Audio> audio = events.ofType(ChatEvent.Audio.class);
        assertThat(audio).extracting(ChatEvent.Audio::index).containsExactly(0, 1, 2);
        assertThat(audio).extracting(ChatEvent.Audio::text).containsExactly(
                "One two three four.", "Five six seven eight.", "Nine ten eleven twelve.");
        assertThat(audio).allSatisfy(a -> assertThat(a.pcm().samples()).hasSize(a.text().length()));
        assertThat(completed.text().substring(audio.get(1).start(), audio.get(1).end()).strip())
                .isEqualTo("Five six seven eight.");
        assertThat(events.all.get(events.all.size() - 1)).isSameAs(completed);
        assertThat(completed.metrics().tokens()).isEqualTo(4);
        assertThat(completed.metrics().ttftMs()).isNotNull();
        assertThat(completed.metrics().firstAudioMs()).isNotNull();
        assertThat(completed.metrics().firstChunkMs()).isNotNull()
                .isLessThanOrEqualTo(completed.metrics().firstAudioMs());
        assertThat(completed.metrics().firstSynthesisMs()).isNotNull()
                .isLessThanOrEqualTo(completed.metrics().firstAudioMs());
    }

    @Test
    void theConversationIsStoredAndSentAsHistoryNextTime() throws Exception {
        ScriptedProvider provider = ScriptedProvider.replying("Hi Ada.");
        ChatService service = service(provider);
        EventRecorder first = new EventRecorder();
        String id = service.start(new TurnRequest("I am Ada", "ada", null), Runnable::run, first).conversationId();
        first.awaitEnd();
        EventRecorder second = new EventRecorder();
        service.start(new TurnRequest("Who am I?", "ada", null), Runnable::run, second);
        second.awaitEnd();

        assertThat(id).isEqualTo("ada");
        assertThat(provider.requests.get(1)).containsExactly(ChatMessage.system("Be brief."),
                ChatMessage.user("I am Ada"), ChatMessage.assistant("Hi Ada."), ChatMessage.user("Who am I?"));
        Conversation stored = service.store().find("ada").orElseThrow();
        assertThat(stored.messages()).extracting(StoredMessage::content)
                .containsExactly("I am Ada", "Hi Ada.", "Who am I?", "Hi Ada.");
        assertThat(stored.title()).isEqualTo("I am Ada");
        assertThat(first.ofType(ChatEvent.Audio.class)).isEmpty();
    }

    @Test
    void aSecondTurnOnABusyConversationIsRefusedWith409() throws Exception {
        ScriptedProvider provider = ScriptedProvider.holdingAfter(1, "Hello", " there.");
        ChatService service = service(provider);
        EventRecorder first = startedUpToTheFirstToken(service, "one", "busy");

        EventRecorder second = new EventRecorder();
        service.start(new TurnRequest("two", "busy", null), Runnable::run, second);
        ChatEvent.Failed refused = second.next(ChatEvent.Failed.class);
        assertThat(refused.code()).isEqualTo(409);
        assertThat(refused.message()).contains("busy");

        provider.release();
        assertThat(first.awaitEnd()).isInstanceOf(ChatEvent.Completed.class);
        assertThat(provider.requests).hasSize(1);
    }

    @Test
    void theConversationIsFreeBeforeCompleteIsDelivered() throws Exception {
        ChatService service = service(ScriptedProvider.replying("Done."));
        EventRecorder followUp = new EventRecorder();
        service.start(new TurnRequest("one", "quick", null), Runnable::run, event -> {
            if (event instanceof ChatEvent.Completed) {
                service.start(new TurnRequest("two", "quick", null), Runnable::run, followUp);
            }
        });
        followUp.next(ChatEvent.Started.class);
        assertThat(followUp.awaitEnd()).isInstanceOf(ChatEvent.Completed.class);
    }

    @Test
    void aConversationDeletedAsItsTurnBeginsStaysDeletedWhileTheTurnStillStreams() throws Exception {
        SteppingClock clock = new SteppingClock();
        ConversationStore store = new ConversationStore(dir, clock);
        store.append("doomed", new StoredMessage(ChatMessage.Role.USER, "earlier", Instant.now(), false));
        // The window deletes it after the turn has read its history, as the turn stamps the question.
        clock.next.set(() -> {
            try {
                assertThat(store.delete("doomed")).isTrue();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        EventRecorder events = new EventRecorder();
        service(ScriptedProvider.replying("Still ", "here."), store)
                .start(new TurnRequest("Q", "doomed", null), Runnable::run, events);

        assertThat(events.awaitEnd()).isInstanceOfSatisfying(ChatEvent.Completed.class,
                completed -> assertThat(completed.text()).isEqualTo("Still here."));
        assertThat(clock.next).as("the delete ran").hasValue(null);
        assertThat(events.ofType(ChatEvent.NotSaved.class)).isEmpty();
        assertThat(store.find("doomed")).isEmpty();
        assertThat(new ConversationStore(dir, Clock.systemUTC()).list()).isEmpty();
    }

    @Test
    void aConversationDeletedWhileItsReplyStreamsStaysDeleted() throws Exception {
        ScriptedProvider provider = ScriptedProvider.holdingAfter(1, "Hello", " there.");
        ChatService service = service(provider);
        EventRecorder events = startedUpToTheFirstToken(service, "one", "gone");

        assertThat(service.store().delete("gone")).isTrue();
        provider.release();

        assertThat(events.awaitEnd()).isInstanceOf(ChatEvent.Completed.class);
        assertThat(events.ofType(ChatEvent.NotSaved.class)).isEmpty();
        assertThat(new ConversationStore(dir, Clock.systemUTC()).list()).isEmpty();
    }

    /** The system clock, which first runs the step set in {@link #next} the next time it is read. */
    private static final class SteppingClock extends Clock {

        final AtomicReference<Runnable> next = new AtomicReference<>();

        @Override
        public Instant instant() {
            Runnable step = next.getAndSet(null);
            if (step != null) {
                step.run();
            }
            return Instant.now();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("only UTC");
        }
    }

    @Test
    void cancelStopsTheRequestAndStoresWhatWasSaidAsInterrupted() throws Exception {
        ScriptedProvider provider = ScriptedProvider.holdingAfter(2, "Once upon", " a time", " there was.");
        ChatService service = service(provider);
        EventRecorder events = new EventRecorder();
        ChatTurn turn = service.start(new TurnRequest("Story", "story", synthesizer), Runnable::run, events);
        events.next(ChatEvent.Started.class);
        events.next(ChatEvent.Token.class);
        events.next(ChatEvent.Token.class);

        turn.cancel();
        provider.release();
        ChatEvent.Cancelled cancelled = (ChatEvent.Cancelled) events.awaitEnd();

        assertThat(cancelled.text()).isEqualTo("Once upon a time");
        assertThat(provider.cancelled).isTrue();
        StoredMessage reply = service.store().find("story").orElseThrow().messages().get(1);
        assertThat(reply.content()).isEqualTo("Once upon a time");
        assertThat(reply.interrupted()).isTrue();
        turn.cancel();
        drainPool();
        assertThat(events.all.get(events.all.size() - 1)).isSameAs(cancelled);
        assertThat(service.store().tryBeginTurn("story")).isTrue();
    }

    @Test
    void cancelWhileSpeechIsPendingDropsTheRestOfTheAudio() throws Exception {
        CountDownLatch slow = new CountDownLatch(1);
        Synthesizer blocking = text -> {
            try {
                slow.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Pcm(new short[10], 16000);
        };
        ChatService service = service(ScriptedProvider.replying("First sentence here.", " Second sentence here."));
        EventRecorder events = new EventRecorder();
        ChatTurn turn = service.start(new TurnRequest("Talk", null, blocking), Runnable::run, events);
        events.next(ChatEvent.Started.class);
        events.next(ChatEvent.Token.class);
        events.next(ChatEvent.Token.class);

        turn.cancel();
        slow.countDown();
        assertThat(events.awaitEnd()).isInstanceOf(ChatEvent.Cancelled.class);
        drainPool();
        assertThat(events.ofType(ChatEvent.Audio.class)).isEmpty();
    }

    @Test
    void anErrorEndsTheTurnWithItsCodeAndKeepsThePartialReply() throws Exception {
        ChatService service = service(ScriptedProvider.failingAfter(new LlmException(502, "the reply was cut off"),
                "Partial", " answer"));
        EventRecorder events = new EventRecorder();
        service.start(new TurnRequest("Q", "err", synthesizer), Runnable::run, events);
        ChatEvent.Failed failed = (ChatEvent.Failed) events.awaitEnd();

        assertThat(failed.code()).isEqualTo(502);
        assertThat(failed.message()).isEqualTo("the reply was cut off");
        assertThat(failed.text()).isEqualTo("Partial answer");
        StoredMessage reply = service.store().find("err").orElseThrow().messages().get(1);
        assertThat(reply.interrupted()).isTrue();
        assertThat(reply.content()).isEqualTo("Partial answer");
    }

    @Test
    void aChunkThatCannotBeSpokenIsSkippedAndIndexesStayContiguous() throws Exception {
        Synthesizer flaky = text -> {
            if (text.startsWith("Broken")) {
                throw new TtsException("engine crashed");
            }
            return new Pcm(new short[text.length()], 22050);
        };
        ChatService service = service(ScriptedProvider.replying("Fine first one.", " Broken second one.",
                " Fine third one."));
        EventRecorder events = new EventRecorder();
        service.start(new TurnRequest("Q", null, flaky), Runnable::run, events);
        assertThat(events.awaitEnd()).isInstanceOf(ChatEvent.Completed.class);
        assertThat(events.ofType(ChatEvent.Audio.class)).extracting(ChatEvent.Audio::index, ChatEvent.Audio::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, "Fine first one."),
                        org.assertj.core.groups.Tuple.tuple(1, "Fine third one."));
    }

    @Test
    void manyTurnsAtOnceEachGetTheirOwnOrderedStream() throws Exception {
        ChatService service = service(ScriptedProvider.replying("Alpha beta gamma delta.", " Epsilon zeta eta.",
                " Theta iota kappa."));
        List<EventRecorder> recorders = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 20; i++) {
            EventRecorder events = new EventRecorder();
            recorders.add(events);
            service.start(new TurnRequest("go " + i, null, synthesizer), pool, events);
        }
        for (EventRecorder events : recorders) {
            assertThat(events.awaitEnd()).isInstanceOf(ChatEvent.Completed.class);
            assertThat(events.ofType(ChatEvent.Audio.class)).extracting(ChatEvent.Audio::index).containsExactly(0, 1, 2);
        }
        assertThat(service.store().list()).hasSize(20);
    }

    @Test
    void aFolderThatCannotBeWrittenStillStreamsTheWholeReplyThenSaysItWasNotSaved() throws Exception {
        Path folder = dir.resolve("conversations");
        ConversationStore store = new ConversationStore(folder, Clock.systemUTC());
        // Root ignores permissions, so the folder is made unwritable by replacing it with a file.
        Files.delete(folder);
        Files.writeString(folder, "not a folder");
        EventRecorder events = new EventRecorder();
        service(ScriptedProvider.replying("Still ", "here."), store)
                .start(new TurnRequest("Q", null, synthesizer), Runnable::run, events);

        ChatEvent.Completed completed = (ChatEvent.Completed) events.awaitEnd();

        assertThat(completed.text()).isEqualTo("Still here.");
        assertThat(events.all.get(events.all.size() - 2)).isEqualTo(
                new ChatEvent.NotSaved("the reply could not be saved: the conversations folder is a file"));
        assertThat(events.ofType(ChatEvent.NotSaved.class)).hasSize(1);
    }

    @Test
    void aFullDiskIsReportedBeforeTheFailureThatEndsTheTurn() throws Exception {
        Assumptions.assumeTrue(Files.isWritable(Path.of("/dev/full")), "needs /dev/full");
        ChatService service = service(ScriptedProvider.failingAfter(new LlmException(502, "cut off"), "Part"));
        service.store().append("full", new StoredMessage(ChatMessage.Role.USER, "earlier", Instant.now(), false));
        // Writes through the link reach /dev/full, which fails every write with ENOSPC, as a full disk does.
        Files.createSymbolicLink(dir.resolve(".full.json.tmp"), Path.of("/dev/full"));
        EventRecorder events = new EventRecorder();
        service.start(new TurnRequest("Q", "full", synthesizer), Runnable::run, events);

        assertThat(events.awaitEnd()).isEqualTo(new ChatEvent.Failed(502, "cut off", "Part"));

        assertThat(events.ofType(ChatEvent.NotSaved.class)).containsExactly(
                new ChatEvent.NotSaved("the reply could not be saved: No space left on device"));
        assertThat(events.all.get(events.all.size() - 2)).isInstanceOf(ChatEvent.NotSaved.class);
        assertThat(new ConversationStore(dir, Clock.systemUTC()).find("full").orElseThrow().messages())
                .extracting(StoredMessage::content).containsExactly("earlier");
    }
}
