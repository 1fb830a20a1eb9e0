package dev.parley.tts;

import java.util.Objects;

/** What {@link VoiceSelector} chose for a request. */
public sealed interface VoiceSelection {

    /** A voice to speak with. */
    record Chosen(TtsEngine engine, Voice voice) implements VoiceSelection {

        public Chosen {
            Objects.requireNonNull(engine, "engine");
            Objects.requireNonNull(voice, "voice");
        }

        /** The voice bound to its engine and the settings, ready for the chat pipeline. */
        public Synthesizer synthesizer(SpeechSettings settings) {
            return Synthesizer.of(engine, voice, settings);
        }
    }

    /**
     * No voice at all (no Piper voice for the language and espeak-ng not installed): the reply is
     * streamed as text without audio.
     *
     * @param reason fit for a status message or /health
     */
    record NoVoice(String reason) implements VoiceSelection {
    }
}
