package dev.parley.ui.voices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.audio.Pcm;
import dev.parley.tts.EspeakCommand;
import dev.parley.tts.EspeakEngine;
import dev.parley.tts.SpeechSettings;
import dev.parley.tts.TtsException;
import dev.parley.tts.Voice;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InstalledVoicesViewModelTest {

    private static final Voice GERMAN = piper("de_DE-thorsten-medium", "de_DE");
    private static final Voice ENGLISH = piper("en_US-lessac-medium", "en_US");
    private static final Voice BROKEN = new Voice("en_GB-alan-low", "en_GB", "piper", "low", 0, List.of(), false,
            "config file en_GB-alan-low.onnx.json is missing");

    private final UiQueue ui = new UiQueue();
    private final ExecutorService background = Executors.newCachedThreadPool();
    private final List<String> spoken = new CopyOnWriteArrayList<>();
    private final List<Pcm> played = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() {
        background.shutdownNow();
    }

    @Test
    void refreshReadsTheVoicesOnTheBackgroundThread() throws Exception {
        List<String> readOn = new CopyOnWriteArrayList<>();
        InstalledVoicesViewModel vm = new InstalledVoicesViewModel(() -> {
            readOn.add(Thread.currentThread().getName());
            return List.of(GERMAN, BROKEN);
        }, this::record, played::add, background, ui);

        CompletionStage<List<Voice>> refreshed = vm.refresh();
        ui.runUntil("the voices", () -> refreshed.toCompletableFuture().isDone());

        assertThat(vm.voices()).containsExactly(GERMAN, BROKEN);
        assertThat(refreshed.toCompletableFuture().get()).containsExactly(GERMAN, BROKEN);
        assertThat(readOn).hasSize(1).doesNotContain(Thread.currentThread().getName());
    }

    @Test
    void whenRefreshesOverlapOnlyTheLastOneShows() {
        List<Runnable> held = new ArrayList<>();
        AtomicInteger reads = new AtomicInteger();
        InstalledVoicesViewModel vm = new InstalledVoicesViewModel(
                () -> reads.incrementAndGet() == 1 ? List.of(ENGLISH) : List.of(GERMAN),
                this::record, played::add, held::add, ui);
        vm.refresh();
        vm.refresh();

        held.get(1).run();
        held.get(0).run();
        ui.runPending();

        assertThat(vm.voices()).containsExactly(ENGLISH);
    }

    @Test
    void aFailingSourceKeepsTheListAndFailsTheRefresh() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        InstalledVoicesViewModel vm = new InstalledVoicesViewModel(() -> {
            if (reads.incrementAndGet() > 1) {
                throw new IllegalStateException("folder vanished");
            }
            return List.of(GERMAN);
        }, this::record, played::add, background, ui);
        CompletionStage<List<Voice>> first = vm.refresh();
        ui.runUntil("the voices", () -> first.toCompletableFuture().isDone());

        CompletionStage<List<Voice>> second = vm.refresh();
        ui.runUntil("the failure", () -> second.toCompletableFuture().isDone());

        assertThat(second.toCompletableFuture()).isCompletedExceptionally();
        assertThat(vm.voices()).containsExactly(GERMAN);
    }

    @Test
    void playSampleSpeaksASentenceInTheVoicesLanguageThenPlaysIt() throws Exception {
        Pcm audio = new Pcm(new short[] {1, 2, 3}, 22050);
        List<String> order = new CopyOnWriteArrayList<>();
        InstalledVoicesViewModel vm = new InstalledVoicesViewModel(() -> List.of(GERMAN), (voice, text) -> {
            order.add("speak " + voice.id() + ": " + text + " on " + Thread.currentThread().getName());
            return audio;
        }, pcm -> {
            order.add("play");
            played.add(pcm);
        }, background, ui);

        vm.playSample(GERMAN);
        assertThat(vm.sampleBusyProperty().get()).isTrue();
        ui.runUntil("the sample", () -> !vm.sampleBusyProperty().get());

        assertThat(order).hasSize(2);
        assertThat(order.get(0)).startsWith("speak de_DE-thorsten-medium: Hallo! So klingt diese Stimme. on ")
                .doesNotEndWith(" on " + Thread.currentThread().getName());
        assertThat(order.get(1)).isEqualTo("play");
        assertThat(played).containsExactly(audio);
        assertThat(vm.sampleErrorProperty().get()).isNull();
    }

    @Test
    void playSampleWithRealEspeakNgHandsAudioToThePlayer() throws Exception {
        EspeakEngine espeak = new EspeakEngine(new EspeakCommand(EspeakCommand.DEFAULT_EXECUTABLE,
                EspeakCommand.DEFAULT_TIMEOUT));
        InstalledVoicesViewModel vm = new InstalledVoicesViewModel(espeak::voices,
                (voice, text) -> espeak.synthesize(text, voice, SpeechSettings.DEFAULT), played::add, background, ui);
        CompletionStage<List<Voice>> refreshed = vm.refresh();
        ui.runUntil("the voices", () -> refreshed.toCompletableFuture().isDone());
        Voice german = vm.voices().stream().filter(v -> v.id().equals("espeak-ng:de")).findFirst().orElseThrow();

        vm.playSample(german);
        ui.runUntil("the sample", () -> !vm.sampleBusyProperty().get());

        assertThat(vm.sampleErrorProperty().get()).isNull();
        assertThat(played).hasSize(1);
        assertThat(played.get(0).sampleRate()).isEqualTo(22050);
        assertThat(played.get(0).durationMillis()).isPositive();
    }

    @Test
    void aFailedSampleShowsTheErrorPlaysNothingAndTheNextSampleClearsIt() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        InstalledVoicesViewModel vm = new InstalledVoicesViewModel(() -> List.of(ENGLISH), (voice, text) -> {
            if (attempts.incrementAndGet() == 1) {
                throw new TtsException("ONNX Runtime failed: out of memory");
            }
            return record(voice, text);
        }, played::add, background, ui);

        vm.playSample(ENGLISH);
        ui.runUntil("the failure", () -> !vm.sampleBusyProperty().get());

        assertThat(vm.sampleErrorProperty().get())
                .isEqualTo("Cannot play a sample of en_US-lessac-medium: ONNX Runtime failed: out of memory");
        assertThat(played).isEmpty();

        vm.playSample(ENGLISH);
        assertThat(vm.sampleErrorProperty().get()).isNull();
        ui.runUntil("the sample", () -> !vm.sampleBusyProperty().get());
        assertThat(played).hasSize(1);
        assertThat(vm.sampleErrorProperty().get()).isNull();
    }

    @Test
    void anUnavailableVoiceIsNotSpokenAndSaysWhy() {
        InstalledVoicesViewModel vm = new InstalledVoicesViewModel(() -> List.of(BROKEN), this::record, played::add,
                background, ui);

        vm.playSample(BROKEN);

        assertThat(vm.sampleErrorProperty().get())
                .isEqualTo("en_GB-alan-low cannot be used: config file en_GB-alan-low.onnx.json is missing");
        assertThat(vm.sampleBusyProperty().get()).isFalse();
        assertThat(spoken).isEmpty();
    }

    @Test
    void aSecondSampleWhileOneIsBeingSynthesizedIsIgnored() {
        List<Runnable> held = new ArrayList<>();
        InstalledVoicesViewModel vm = new InstalledVoicesViewModel(() -> List.of(ENGLISH), this::record, played::add,
                held::add, ui);

        vm.playSample(ENGLISH);
        vm.playSample(GERMAN);
        held.forEach(Runnable::run);
        ui.runPending();

        assertThat(spoken).containsExactly("en_US-lessac-medium: Hello! This is how this voice sounds.");
        assertThat(vm.sampleBusyProperty().get()).isFalse();
    }

    private Pcm record(Voice voice, String text) {
        spoken.add(voice.id() + ": " + text);
        return new Pcm(new short[] {0}, voice.sampleRate());
    }

    private static Voice piper(String id, String language) {
        return new Voice(id, language, "piper", "medium", 22050, List.of(), true, null);
    }
}
