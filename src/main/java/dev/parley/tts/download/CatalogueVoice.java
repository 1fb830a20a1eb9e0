package dev.parley.tts.download;

import java.util.List;
import java.util.Objects;

/**
 * A voice offered by the catalogue, with the two files Parley installs. Other files the catalogue
 * lists for the voice (MODEL_CARD and the like) are not kept.
 *
 * @param key catalogue key and installed file name stem, e.g. {@code en_US-lessac-medium}
 * @param name dataset name, e.g. {@code lessac}
 * @param language the voice's language
 * @param quality {@code x_low}, {@code low}, {@code medium} or {@code high}
 * @param numSpeakers number of speakers, at least 1
 * @param aliases other names the voice is known by; may be empty
 * @param model the {@code .onnx} file
 * @param config the {@code .onnx.json} file
 */
public record CatalogueVoice(
        String key,
        String name,
        CatalogueLanguage language,
        String quality,
        int numSpeakers,
        List<String> aliases,
        CatalogueFile model,
        CatalogueFile config) {

    public CatalogueVoice {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(config, "config");
        aliases = List.copyOf(aliases);
    }

    /** Bytes to download to install the voice. */
    public long sizeBytes() {
        return model.sizeBytes() + config.sizeBytes();
    }
}
