package dev.parley.tts;

/** A requested voice exists but cannot be used; the message carries the voice's reason. */
public class VoiceUnavailableException extends VoiceSelectionException {

    public VoiceUnavailableException(Voice voice) {
        super("voice '" + voice.id() + "' is unavailable: " + voice.reason());
    }
}
