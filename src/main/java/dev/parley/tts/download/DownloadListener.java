package dev.parley.tts.download;

/**
 * Follows a {@link VoiceDownload}. Every method is called on the thread running
 * {@link VoiceDownload#run()}, so implementations must be quick and must hand work for another
 * thread (such as the JavaFX application thread) over themselves. For each file, in order:
 * {@link #fileStarted}, then {@link #progress} as bytes arrive, then {@link #fileVerified} once
 * its size and MD5 match the catalogue. A download ends when {@code run()} returns (installed) or
 * throws; the listener is not told separately. An exception thrown by a listener aborts the
 * download, which cleans up as for any failure, and propagates from {@code run()}.
 */
public interface DownloadListener {

    /** Does nothing. */
    DownloadListener NONE = new DownloadListener() {};

    /** The request for a file is about to be sent. */
    default void fileStarted(CatalogueFile file) {}

    /**
     * More of a file has been written.
     *
     * @param bytesDone bytes of this file received so far
     * @param bytesTotal the file's size according to the catalogue
     */
    default void progress(CatalogueFile file, long bytesDone, long bytesTotal) {}

    /** A file is complete and matches the catalogue's size and MD5. */
    default void fileVerified(CatalogueFile file) {}
}
