package dev.parley.tts.download;

/**
 * A voice could not be installed. The message is fit to show the person and names the file and,
 * for HTTP failures, the URL. When this is thrown the models folder holds no part of the voice.
 */
public class DownloadException extends Exception {

    public DownloadException(String message) {
        super(message);
    }

    public DownloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
