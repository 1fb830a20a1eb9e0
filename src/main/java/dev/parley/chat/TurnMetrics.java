package dev.parley.chat;

/**
 * Timings of one turn, measured from the moment it started.
 *
 * @param ttftMs time to the first token; {@code null} when no token came
 * @param firstAudioMs time to the first audio chunk; {@code null} when nothing was spoken
 * @param tokens tokens of the reply (as the provider counted them when it said, else token events)
 * @param tokensPerSecond generation rate between the first and the last token
 * @param totalMs time until the last audio chunk and the end of the reply
 * @param firstChunkMs time until the first chunk with words to speak (usually the first clause) was
 *     complete in the reply; {@code null} when there was none
 * @param firstSynthesisMs how long synthesizing the first audio chunk took, a part of the span from
 *     {@code firstChunkMs} to {@code firstAudioMs}; {@code null} when nothing was spoken
 * @param underruns audio chunks that would arrive after the previous one finished playing, for a
 *     listener playing each chunk in real time as it arrives (see {@link PlaybackSchedule})
 */
public record TurnMetrics(Long ttftMs, Long firstAudioMs, int tokens, double tokensPerSecond, long totalMs,
        Long firstChunkMs, Long firstSynthesisMs, int underruns) {
}
