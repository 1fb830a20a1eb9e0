package dev.parley;

import dev.parley.server.RequestException;
import dev.parley.server.Speech;
import dev.parley.server.SpeechResolver;
import dev.parley.tts.SpeechSettings;
import dev.parley.tts.UnknownLanguageException;
import dev.parley.tts.VoiceSelection;
import dev.parley.tts.VoiceSelectionException;
import dev.parley.tts.VoiceSelector;

/** Chooses a stream's voice with the {@link VoiceSelector}, mapping its refusals to protocol codes. */
final class SpeechChoice implements SpeechResolver {

    private final VoiceSelector selector;
    private final String defaultLanguage;
    private final double defaultRate;

    SpeechChoice(VoiceSelector selector, String defaultLanguage, double defaultRate) {
        this.selector = selector;
        this.defaultLanguage = defaultLanguage;
        this.defaultRate = defaultRate;
    }

    @Override
    public Speech resolve(String language, String voice, Double rate) throws RequestException {
        VoiceSelection selection;
        try {
            selection = selector.select(voice, language != null ? language : defaultLanguage);
        } catch (UnknownLanguageException e) {
            throw new RequestException(400, e.getMessage());
        } catch (VoiceSelectionException e) {
            // An unknown voice, or one that cannot be used: either way that voice is not there to serve.
            throw new RequestException(404, e.getMessage());
        }
        if (selection instanceof VoiceSelection.Chosen chosen) {
            SpeechSettings settings = new SpeechSettings(rate != null ? rate : defaultRate, null);
            return new Speech(chosen.voice().id(), chosen.synthesizer(settings));
        }
        return Speech.NONE;
    }

    /** The voice chosen for the default language, or {@code null}; for {@code /health}. */
    VoiceSelection.Chosen defaultChoice() {
        try {
            return selector.select(null, defaultLanguage) instanceof VoiceSelection.Chosen chosen ? chosen : null;
        } catch (VoiceSelectionException e) {
            return null;
        }
    }
}
