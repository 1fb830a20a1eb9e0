package dev.parley.tts.download;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The flat layout of installed Piper voices: {@code <dir>/<key>.onnx} next to
 * {@code <dir>/<key>.onnx.json}, whatever folders the catalogue keeps them in. A voice counts as
 * installed when both files exist; downloads in progress live in hidden {@code .<name>.part} files
 * that neither end in {@code .onnx} nor look installed.
 */
public final class ModelsFolder {

    private final Path dir;

    public ModelsFolder(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Path model(String key) {
        return dir.resolve(key + ".onnx");
    }

    public Path config(String key) {
        return dir.resolve(key + ".onnx.json");
    }

    /** Whether both files of the voice are present; says nothing about their contents. */
    public boolean isInstalled(String key) {
        return Files.isRegularFile(model(key)) && Files.isRegularFile(config(key));
    }

    /**
     * Whether the voice is installed with exactly the catalogue's files (size and MD5 of both).
     * Reads both files in full.
     */
    public boolean matchesCatalogue(CatalogueVoice voice) throws IOException {
        return isInstalled(voice.key())
                && matches(model(voice.key()), voice.model())
                && matches(config(voice.key()), voice.config());
    }

    /** Where a download of {@code target} is written until it is verified. */
    Path partial(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".part");
    }

    private static boolean matches(Path file, CatalogueFile expected) throws IOException {
        return Files.size(file) == expected.sizeBytes() && Md5.of(file).equals(expected.md5Digest());
    }
}
