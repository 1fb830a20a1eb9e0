package dev.parley.tts.download;

/**
 * The download was stopped by {@link VoiceDownload#cancel()} or by interrupting the downloading
 * thread. Like any {@link DownloadException}, it leaves nothing of the voice behind.
 */
public class DownloadCancelledException extends DownloadException {

    public DownloadCancelledException(String message) {
        super(message);
    }
}
