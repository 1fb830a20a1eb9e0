package dev.parley.tts;

/**
 * A request named a voice or language that cannot be served. The message is fit to show the
 * client; subclasses tell the server which status to answer with.
 */
public abstract class VoiceSelectionException extends Exception {

    protected VoiceSelectionException(String message) {
        super(message);
    }
}
