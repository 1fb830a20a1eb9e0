package dev.parley.ui.voices;

/** Where a catalogue voice stands in the voices dialog. */
public enum DownloadState {
    /** Not in the installed voices; a download can be started. */
    NOT_INSTALLED,
    /** A download was started and waits for a background thread. */
    QUEUED,
    /** Files are being fetched and verified. */
    DOWNLOADING,
    /** Cancel was asked for; the download is deleting its partial files. */
    CANCELLING,
    /** The voice is among the installed voices. */
    INSTALLED;

    /** Whether a download of the voice is under way (including one being cancelled). */
    public boolean busy() {
        return this == QUEUED || this == DOWNLOADING || this == CANCELLING;
    }
}
