package dev.parley.server;

import dev.parley.chat.ConversationIds;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The parameters of {@code /ws/chat/stream}, validated.
 *
 * @param message what to answer: present, not blank, at most the server's limit of characters
 *     ({@code PARLEY_MAX_MESSAGE_CHARS})
 * @param language speech language shaped like a language tag (whether a voice speaks it is checked
 *     when the voice is chosen), or {@code null}
 * @param conversationId conversation to continue, or {@code null} for a new one
 * @param voice voice id of at most 100 characters of {@code A-Z a-z 0-9 _ . : + -}, or {@code null}
 *     to choose by language
 * @param rate speaking rate, or {@code null} for the default
 */
record StreamRequest(String message, String language, String conversationId, String voice, Double rate) {

    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{1,8}){0,3}");
    private static final Pattern VOICE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:+-]{0,99}");

    /**
     * Validates the query parameters, in the order a person would fix them.
     *
     * @param maxMessageChars longest message accepted, in characters (code points); longer gets 413
     */
    static StreamRequest from(Map<String, String> parameters, int maxMessageChars) throws RequestException {
        String message = parameters.get("message");
        if (message == null || message.isBlank()) {
            throw new RequestException(400, "the message parameter is missing or blank: "
                    + "connect to /ws/chat/stream?message=Hello");
        }
        int characters = message.codePointCount(0, message.length());
        if (characters > maxMessageChars) {
            throw new RequestException(413, "the message is " + characters + " characters long; the limit is "
                    + maxMessageChars + " (PARLEY_MAX_MESSAGE_CHARS)");
        }
        String conversationId = parameters.get("conversation_id");
        if (conversationId != null && !ConversationIds.isValid(conversationId)) {
            throw new RequestException(400, "conversation_id must be 1 to 64 characters of A-Z, a-z, 0-9, _ and -");
        }
        String language = blankToNull(parameters.get("language"));
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            throw new RequestException(400, "language must look like en_US, en-US or en, not '"
                    + Refusals.shown(language) + "'");
        }
        String voice = blankToNull(parameters.get("voice"));
        if (voice != null && !VOICE.matcher(voice).matches()) {
            throw new RequestException(400, "voice must be a voice id from GET /voices (up to 100 characters of "
                    + "A-Z, a-z, 0-9, _ . : + -), not '" + Refusals.shown(voice) + "'");
        }
        return new StreamRequest(message, language, conversationId, voice, rate(parameters.get("rate")));
    }

    private static Double rate(String value) throws RequestException {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double rate = Double.parseDouble(value.strip());
            if (rate >= 0.5 && rate <= 2.0) {
                return rate;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new RequestException(400, "rate must be a number from 0.5 to 2.0, not '" + Refusals.shown(value) + "'");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
