package dev.parley.ui;

import dev.parley.config.UiPreferences;
import dev.parley.ui.speech.SpeechControlsViewModel;
import dev.parley.ui.speech.VoiceChoice;
import javafx.stage.Stage;

/** What the window remembers between runs: speech controls and window size, in the settings file. */
final class WindowPreferences {

    static final String VOICE = "voice";
    static final String RATE = "rate";
    static final String VOLUME = "volume";
    static final String MUTE = "mute";
    static final String SPEAK_REPLIES = "speakReplies";
    static final String WIDTH = "windowWidth";
    static final String HEIGHT = "windowHeight";

    private WindowPreferences() {
    }

    static void restore(UiPreferences saved, SpeechControlsViewModel speech, Stage stage) {
        saved.string(VOICE).ifPresent(speech::selectVoice);
        speech.rateProperty().set(clamp(saved.number(RATE, speech.rateProperty().get()), 0.5, 2.0));
        speech.volumeProperty().set(clamp(saved.number(VOLUME, 1.0), 0.0, 1.0));
        speech.mutedProperty().set(saved.flag(MUTE, false));
        speech.speakRepliesProperty().set(saved.flag(SPEAK_REPLIES, true));
        double width = saved.number(WIDTH, 0);
        double height = saved.number(HEIGHT, 0);
        if (width >= 720 && height >= 480) {
            stage.setWidth(width);
            stage.setHeight(height);
        }
    }

    static UiPreferences capture(UiPreferences base, SpeechControlsViewModel speech, Stage stage) {
        VoiceChoice voice = speech.voiceProperty().get();
        UiPreferences next = voice == null || voice.isAutomatic() ? base.without(VOICE) : base.with(VOICE, voice.voiceId());
        next = next.with(RATE, speech.rateProperty().get())
                .with(VOLUME, speech.volumeProperty().get())
                .with(MUTE, speech.mutedProperty().get())
                .with(SPEAK_REPLIES, speech.speakRepliesProperty().get());
        if (stage != null && stage.getWidth() > 0) {
            next = next.with(WIDTH, stage.getWidth()).with(HEIGHT, stage.getHeight());
        }
        return next;
    }

    private static double clamp(double value, double min, double max) {
        return Double.isNaN(value) ? min : Math.max(min, Math.min(max, value));
    }
}
