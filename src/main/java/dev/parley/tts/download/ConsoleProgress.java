package dev.parley.tts.download;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Shows download progress on the command line: on a terminal, a progress bar redrawn in place;
 * otherwise (output piped or logged) plain lines, one when a file starts, one per 10 % and one
 * when it is verified. One instance per voice download; called on the downloading thread only.
 */
final class ConsoleProgress implements DownloadListener {

    private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final PrintStream out;
    private final boolean terminal;
    private final LongSupplier nanoClock;
    private long startNanos;
    private long lastDrawNanos;
    private int lastTenth;
    private int drawnLength;
    private boolean lineOpen;

    /**
     * @param terminal whether {@code out} is a terminal that understands carriage returns
     * @param nanoClock source of {@link System#nanoTime()}-like readings, for speed and redraw pace
     */
    ConsoleProgress(PrintStream out, boolean terminal, LongSupplier nanoClock) {
        this.out = out;
        this.terminal = terminal;
        this.nanoClock = nanoClock;
    }

    @Override
    public void fileStarted(CatalogueFile file) {
        startNanos = nanoClock.getAsLong();
        lastTenth = 0;
        drawnLength = 0;
        if (terminal) {
            draw(file, 0, file.sizeBytes(), startNanos);
        } else {
            out.println(file.fileName() + ": downloading " + Sizes.human(file.sizeBytes()));
        }
    }

    @Override
    public void progress(CatalogueFile file, long bytesDone, long bytesTotal) {
        if (terminal) {
            long now = nanoClock.getAsLong();
            if (now - lastDrawNanos >= REDRAW_NANOS || bytesDone == bytesTotal) {
                draw(file, bytesDone, bytesTotal, now);
            }
            return;
        }
        int tenth = bytesTotal == 0 ? 10 : (int) (bytesDone * 10 / bytesTotal);
        if (tenth > lastTenth && tenth < 10) {
            out.println(file.fileName() + ": " + tenth * 10 + "% (" + Sizes.ofTotal(bytesDone, bytesTotal) + ")");
        }
        lastTenth = Math.max(lastTenth, tenth);
    }

    @Override
    public void fileVerified(CatalogueFile file) {
        if (terminal) {
            draw(file, file.sizeBytes(), file.sizeBytes(), nanoClock.getAsLong());
            out.println("  size and md5 OK");
            lineOpen = false;
        } else {
            out.println(file.fileName() + ": done, " + Sizes.human(file.sizeBytes()) + ", size and md5 OK");
        }
    }

    /** Ends a progress bar left unfinished by a failed download, so that what follows starts on its own line. */
    void endLine() {
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
    }

    private void draw(CatalogueFile file, long done, long total, long now) {
        double seconds = (now - startNanos) / 1e9;
        double speed = seconds > 0 ? done / seconds : 0;
        String line = ProgressBar.render(file.fileName(), done, total, speed);
        // Blank out the rest of a longer previous line, which a carriage return does not erase.
        out.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
        out.flush();
        drawnLength = line.length();
        lastDrawNanos = now;
        lineOpen = true;
    }
}
