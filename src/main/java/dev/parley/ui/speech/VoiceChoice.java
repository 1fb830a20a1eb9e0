package dev.parley.ui.speech;

import dev.parley.tts.Voice;

/**
 * An entry of the voice picker: a voice, or "automatic" (the best voice for the language).
 *
 * @param voice the voice, or {@code null} for automatic
 * @param language the language it speaks (for automatic: the default language)
 */
public record VoiceChoice(Voice voice, String language) {

    static VoiceChoice automatic(String language) {
        return new VoiceChoice(null, language);
    }

    public boolean isAutomatic() {
        return voice == null;
    }

    /** The voice id to ask the selector for, or {@code null} to choose by language. */
    public String voiceId() {
        return voice == null ? null : voice.id();
    }

    /** What the picker shows. */
    public String label() {
        if (voice == null) {
            return "Automatic (" + language + ")";
        }
        String detail = voice.quality() == null ? voice.engine() : voice.engine() + ", " + voice.quality();
        return voice.id() + "  (" + detail + ")";
    }
}
