package dev.parley.tts.download;

import java.util.Objects;

/**
 * One file of a catalogue voice.
 *
 * @param path path relative to the catalogue base URL, e.g.
 *     {@code en/en_US/lessac/medium/en_US-lessac-medium.onnx}
 * @param sizeBytes exact size the downloaded file must have
 * @param md5Digest lower-case hex MD5 the downloaded file must have
 */
public record CatalogueFile(String path, long sizeBytes, String md5Digest) {

    public CatalogueFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(md5Digest, "md5Digest");
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("sizeBytes must not be negative, was " + sizeBytes);
        }
    }

    /** The last segment of {@link #path()}, used to name the file in messages. */
    public String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
