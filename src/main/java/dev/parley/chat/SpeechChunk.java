package dev.parley.chat;

/**
 * A piece of the reply ready to be spoken.
 *
 * @param start index in the raw reply where the chunk begins (inclusive)
 * @param end index in the raw reply where the chunk ends (exclusive)
 * @param spoken the chunk cleaned for speech: no markdown, code, URLs or emoji; may be blank, in
 *     which case there is nothing to say
 */
public record SpeechChunk(int start, int end, String spoken) {
}
