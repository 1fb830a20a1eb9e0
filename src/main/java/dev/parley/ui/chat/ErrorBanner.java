package dev.parley.ui.chat;

/**
 * A readable error shown above the transcript.
 *
 * @param message what went wrong, as the provider or pipeline said it
 * @param fix what to do about it
 */
public record ErrorBanner(String message, String fix) {

    /** The banner for an error code of the protocol. */
    static ErrorBanner forCode(int code, String message, String providerName) {
        boolean ollama = "ollama".equals(providerName);
        String fix = switch (code) {
            case 401 -> "Enter a valid API key in Settings (Ctrl+,).";
            case 404 -> ollama
                    ? "Pull the model with `ollama pull <model>`, or pick another model in Settings (Ctrl+,)."
                    : "Check the model name and base URL in Settings (Ctrl+,).";
            case 429 -> "The server is rate limiting requests: wait a moment, then send again.";
            case 503 -> ollama
                    ? "Start Ollama with `ollama serve`, or check its URL in Settings (Ctrl+,)."
                    : "Check the base URL in Settings (Ctrl+,) and your network connection.";
            case 502 -> "The server failed or stopped mid-reply: send the message again.";
            case 507 -> "The reply is shown but not kept: free some disk space, or make the data folder"
                    + " (PARLEY_DATA_DIR) writable.";
            case 409 -> "This conversation is busy answering elsewhere: wait for it to finish.";
            default -> "Try again; if it keeps failing, run with LOG_LEVEL=debug and check the log.";
        };
        return new ErrorBanner(message, fix);
    }
}
