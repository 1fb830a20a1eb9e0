package dev.parley.server;

/** Chooses the voice for a stream from its query parameters. */
@FunctionalInterface
public interface SpeechResolver {

    /**
     * May block (loading a voice); never called on a Java-WebSocket thread.
     *
     * @param language the {@code language} parameter, or {@code null} for the default
     * @param voice the {@code voice} parameter, or {@code null} to choose by language
     * @param rate the {@code rate} parameter, or {@code null} for the default
     * @return the voice, or {@link Speech#NONE} when no engine can speak
     * @throws RequestException 400 for an unknown language, 404 for an unknown voice
     */
    Speech resolve(String language, String voice, Double rate) throws RequestException;
}
