package dev.parley.tts.download;

/** The voice catalogue could not be fetched or read. The message is fit to show the person. */
public class CatalogueException extends Exception {

    public CatalogueException(String message) {
        super(message);
    }

    public CatalogueException(String message, Throwable cause) {
        super(message, cause);
    }
}
