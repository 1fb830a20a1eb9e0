package dev.parley.tts;

import java.nio.file.Path;
import java.util.List;

/**
 * One Piper voice found by the {@link VoiceLibrary}: its files, its parsed config when that worked,
 * and why it cannot be used when it cannot.
 *
 * @param id the file stem, e.g. {@code en_US-lessac-medium}
 * @param model {@code NAME.onnx}
 * @param configFile {@code NAME.onnx.json}
 * @param config the parsed config; {@code null} when missing or broken
 * @param problem why the voice is unusable; {@code null} when it looks usable
 * @param stamp sizes and modification times of both files: a changed stamp means changed files
 */
record LibraryVoice(String id, Path model, Path configFile, PiperVoiceConfig config, String problem, String stamp) {

    LibraryVoice broken(String reason) {
        return new LibraryVoice(id, model, configFile, config, reason, stamp);
    }

    /** These files as scanned: a voice replaced by other files, or found in another folder, has another version. */
    String version() {
        return model + "|" + stamp;
    }

    /** Whether the files on disk now differ from the scan (changed, replaced or deleted). */
    boolean filesChanged() {
        return !stamp.equals(VoiceLibrary.stamp(model, configFile));
    }

    /** How {@code /voices} shows it; language and quality fall back to the file name when unknown. */
    Voice toVoice() {
        String[] parts = id.split("-");
        String language = config != null && config.languageCode() != null
                ? config.languageCode()
                : LanguageCode.parse(parts[0]).map(LanguageCode::toString).orElse(null);
        String quality = config != null && config.quality() != null
                ? config.quality()
                : parts.length >= 3 ? parts[parts.length - 1] : null;
        return new Voice(id, language, PiperEngine.NAME, quality, config == null ? 0 : config.sampleRate(),
                config == null ? List.of() : config.speakerNames(), problem == null, problem);
    }
}
