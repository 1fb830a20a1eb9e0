package dev.parley.server;

/**
 * What {@code GET /health} reports besides the server's own state.
 *
 * @param provider {@code openai} or {@code ollama}
 * @param model the model replies come from
 * @param baseUrl where the provider is
 * @param ttsEngine the engine of the default voice: {@code piper}, {@code espeak-ng} or {@code none}
 * @param ttsProblem why speech is limited or off (e.g. espeak-ng missing), or {@code null}
 * @param voices how many voices are available
 * @param defaultLanguage language used when a stream names none
 * @param defaultVoice voice used for that language, or {@code null}
 * @param defaultRate speaking rate used when a stream names none
 */
public record Health(String provider, String model, String baseUrl, String ttsEngine, String ttsProblem,
        int voices, String defaultLanguage, String defaultVoice, double defaultRate) {
}
