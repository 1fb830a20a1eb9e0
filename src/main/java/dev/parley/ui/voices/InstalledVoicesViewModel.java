package dev.parley.ui.voices;

import dev.parley.audio.Pcm;
import dev.parley.tts.Voice;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The installed tab: every voice the app knows, usable or not, and "Play sample".
 *
 * <p><b>Threads.</b> Public methods are called on the UI thread, and the list and properties change
 * only there. Reading the voices (which rescans the voice folders) and synthesizing a sample run on
 * the background executor.
 */
public final class InstalledVoicesViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(InstalledVoicesViewModel.class);

    private final Supplier<List<Voice>> source;
    private final SampleSpeaker speaker;
    private final Consumer<Pcm> player;
    private final Executor background;
    private final Executor ui;
    private final ObservableList<Voice> voices = FXCollections.observableArrayList();
    // Kept: a read-only view made per call would stop notifying once garbage collected.
    private final ObservableList<Voice> readOnlyVoices = FXCollections.unmodifiableObservableList(voices);
    private final ReadOnlyBooleanWrapper sampleBusy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper sampleError = new ReadOnlyStringWrapper();
    private long latestRefresh;

    /**
     * @param source every voice, e.g. {@code Parley::voices}; called on a background thread
     * @param speaker synthesizes samples; called on a background thread
     * @param player plays a sample's audio; called on the background thread that synthesized it
     *     and must not block for the length of the audio (hand it to the audio player's queue)
     * @param background runs reads of the voices and sample synthesis
     * @param ui runs results on the UI thread, e.g. {@code Platform::runLater}
     */
    public InstalledVoicesViewModel(Supplier<List<Voice>> source, SampleSpeaker speaker, Consumer<Pcm> player,
            Executor background, Executor ui) {
        this.source = source;
        this.speaker = speaker;
        this.player = player;
        this.background = background;
        this.ui = ui;
    }

    /** The installed voices as of the last {@link #refresh()}, in the source's order. */
    public ObservableList<Voice> voices() {
        return readOnlyVoices;
    }

    /**
     * Reads the voices again. When refreshes overlap, only the last one updates the list.
     *
     * @return completes on the UI thread with the voices read once the list shows them; when the
     *     source fails, the list is kept and the stage completes exceptionally
     */
    public CompletionStage<List<Voice>> refresh() {
        long refresh = ++latestRefresh;
        CompletableFuture<List<Voice>> result = new CompletableFuture<>();
        try {
            background.execute(() -> {
                try {
                    List<Voice> read = List.copyOf(source.get());
                    ui.execute(() -> {
                        if (refresh == latestRefresh && !voices.equals(read)) {
                            voices.setAll(read);
                        }
                        result.complete(read);
                    });
                } catch (RuntimeException e) {
                    LOG.warn("cannot list the installed voices", e);
                    ui.execute(() -> result.completeExceptionally(e));
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    /**
     * Speaks the sample sentence for the voice's language (English when we have none) and hands
     * the audio to the player. Ignored while another sample is being synthesized.
     *
     * @param voice one of {@link #voices()}; an unavailable one only sets {@link #sampleErrorProperty()}
     */
    public void playSample(Voice voice) {
        if (sampleBusy.get()) {
            return;
        }
        if (!voice.available()) {
            sampleError.set(voice.id() + " cannot be used: " + voice.reason());
            return;
        }
        sampleBusy.set(true);
        sampleError.set(null);
        String text = SampleSentences.forLanguage(voice.language());
        try {
            background.execute(() -> speak(voice, text));
        } catch (RejectedExecutionException e) {
            sampleBusy.set(false);
        }
    }

    private void speak(Voice voice, String text) {
        try {
            Pcm pcm = speaker.speak(voice, text);
            player.accept(pcm);
            ui.execute(() -> sampleBusy.set(false));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warn("cannot play a sample of voice {}", voice.id(), e);
            String reason = e.getMessage() != null ? e.getMessage() : e.toString();
            ui.execute(() -> {
                sampleBusy.set(false);
                sampleError.set("Cannot play a sample of " + voice.id() + ": " + reason);
            });
        }
    }

    /** Whether a sample is being synthesized. */
    public ReadOnlyBooleanProperty sampleBusyProperty() {
        return sampleBusy.getReadOnlyProperty();
    }

    /** Why the last sample could not be played, fit to show; {@code null} when it played. */
    public ReadOnlyStringProperty sampleErrorProperty() {
        return sampleError.getReadOnlyProperty();
    }
}
