package dev.parley.ui.speech;

import dev.parley.audio.AudioPlayer;
import dev.parley.audio.Pcm;
import dev.parley.tts.SpeechSettings;
import dev.parley.tts.Synthesizer;
import dev.parley.tts.TtsException;
import dev.parley.tts.Voice;
import dev.parley.tts.VoiceSelection;
import dev.parley.tts.VoiceSelectionException;
import dev.parley.tts.VoiceSelector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The voice and speech controls: voice picker, speaking rate, volume, mute and "speak replies".
 * Changes apply to the next chunk of a reply already under way: the {@link #synthesizer()} reads a
 * snapshot of the controls for every chunk, and volume and mute go to the player at once.
 *
 * <p>Properties are changed on the FX thread; the synthesizer runs on synthesis threads and reads
 * only the volatile snapshot.
 */
public final class SpeechControlsViewModel {

    private static final Pcm SILENCE = new Pcm(new short[0], 22050);

    private final VoiceSelector selector;
    private final Supplier<List<Voice>> voices;
    private final AudioPlayer player;
    private final String language;
    private final ObservableList<VoiceChoice> choices = FXCollections.observableArrayList();
    private final ObjectProperty<VoiceChoice> voice = new SimpleObjectProperty<>(this, "voice");
    private final DoubleProperty rate = new SimpleDoubleProperty(this, "rate", 1.0);
    private final DoubleProperty volume = new SimpleDoubleProperty(this, "volume", 1.0);
    private final BooleanProperty muted = new SimpleBooleanProperty(this, "muted");
    private final BooleanProperty speakReplies = new SimpleBooleanProperty(this, "speakReplies", true);
    private volatile Snapshot snapshot;

    private record Snapshot(String voiceId, String language, double rate, boolean speak) {
    }

    /**
     * @param selector chooses the voice for every chunk
     * @param voices the voices to offer (unavailable ones are left out)
     * @param player receives volume and mute
     * @param language the language of the automatic choice
     * @param rate the initial speaking rate
     */
    public SpeechControlsViewModel(VoiceSelector selector, Supplier<List<Voice>> voices, AudioPlayer player,
            String language, double rate) {
        this.selector = selector;
        this.voices = voices;
        this.player = player;
        this.language = language;
        this.rate.set(rate);
        refreshVoices();
        voice.set(choices.get(0));
        voice.addListener((o, a, b) -> updateSnapshot());
        this.rate.addListener((o, a, b) -> updateSnapshot());
        speakReplies.addListener((o, a, b) -> updateSnapshot());
        volume.addListener((o, a, b) -> player.setVolume(Math.max(0, Math.min(1, b.doubleValue()))));
        muted.addListener((o, a, b) -> player.setMuted(b));
        updateSnapshot();
    }

    /** Reloads the voice list (after a download), keeping the current choice when it still exists. */
    public void refreshVoices() {
        List<VoiceChoice> next = new ArrayList<>();
        next.add(VoiceChoice.automatic(language));
        voices.get().stream()
                .filter(Voice::available)
                .sorted(Comparator.comparing(Voice::language).thenComparing(v -> !v.engine().equals("piper"))
                        .thenComparing(Voice::id))
                .map(v -> new VoiceChoice(v, v.language()))
                .forEach(next::add);
        VoiceChoice current = voice.get();
        choices.setAll(next);
        if (current != null) {
            voice.set(next.stream().filter(c -> Objects.equals(c.voiceId(), current.voiceId()))
                    .findFirst().orElse(next.get(0)));
        }
    }

    /** Selects the voice with this id, or automatic when it is not available. */
    public void selectVoice(String id) {
        voice.set(choices.stream().filter(c -> Objects.equals(c.voiceId(), id)).findFirst()
                .orElse(choices.get(0)));
    }

    private void updateSnapshot() {
        VoiceChoice choice = voice.get();
        snapshot = new Snapshot(choice == null ? null : choice.voiceId(), language,
                Math.max(SpeechSettings.MIN_RATE, Math.min(SpeechSettings.MAX_RATE, rate.get())),
                speakReplies.get());
    }

    /**
     * Speaks chunks with whatever the controls say when each chunk is synthesized; returns silence
     * (which the pipeline skips) while "speak replies" is off.
     */
    public Synthesizer synthesizer() {
        return text -> {
            Snapshot now = snapshot;
            if (!now.speak()) {
                return SILENCE;
            }
            VoiceSelection selection;
            try {
                selection = selector.select(now.voiceId(), now.voiceId() == null ? now.language() : null);
            } catch (VoiceSelectionException e) {
                throw new TtsException(e.getMessage(), e);
            }
            if (selection instanceof VoiceSelection.Chosen chosen) {
                return chosen.synthesizer(new SpeechSettings(now.rate(), null)).synthesize(text);
            }
            return SILENCE;
        };
    }

    public ObservableList<VoiceChoice> choices() {
        return choices;
    }

    public ObjectProperty<VoiceChoice> voiceProperty() {
        return voice;
    }

    /** Speaking rate, 0.5 to 2.0. */
    public DoubleProperty rateProperty() {
        return rate;
    }

    /** Volume, 0.0 to 1.0. */
    public DoubleProperty volumeProperty() {
        return volume;
    }

    public BooleanProperty mutedProperty() {
        return muted;
    }

    public BooleanProperty speakRepliesProperty() {
        return speakReplies;
    }

    public boolean speakReplies() {
        return speakReplies.get();
    }

    public AudioPlayer player() {
        return player;
    }
}
