package dev.parley.chat;

/**
 * Timings of one turn, measured from the moment it started.
 *
 * @param ttftMs time to the first token; {@code null} when no token came
 * @param firstAudioMs time to the first audio chunk; {@code null} when nothing was spoken
 * @param tokens tokens of the reply (as the provider counted them when it said, else token events)
 * @param tokensPerSecond generation rate between the first and the last token
 * @param totalMs time until the last audio chunk and the end of the reply
 */
public record TurnMetrics(Long ttftMs, Long firstAudioMs, int tokens, double tokensPerSecond, long totalMs) {
}
