package dev.parley.ui.voices;

import dev.parley.tts.download.CatalogueFile;
import dev.parley.tts.download.DownloadListener;
import java.util.concurrent.Executor;

/**
 * Turns a download's per-file progress into progress over the whole voice (model plus config)
 * and hands the reports a {@link ProgressThrottle} lets through to the UI thread. Called on the
 * downloading thread only.
 */
final class RowProgressListener implements DownloadListener {

    private final CatalogueRow row;
    private final long totalBytes;
    private final ProgressThrottle throttle;
    private final Executor ui;
    private long verifiedBytes;

    RowProgressListener(CatalogueRow row, ProgressThrottle throttle, Executor ui) {
        this.row = row;
        this.totalBytes = row.voice().sizeBytes();
        this.throttle = throttle;
        this.ui = ui;
    }

    @Override
    public void progress(CatalogueFile file, long bytesDone, long bytesTotal) {
        long done = verifiedBytes + bytesDone;
        if (throttle.shouldEmit(done, totalBytes)) {
            ui.execute(() -> row.progress(done, totalBytes));
        }
    }

    @Override
    public void fileVerified(CatalogueFile file) {
        verifiedBytes += file.sizeBytes();
    }
}
