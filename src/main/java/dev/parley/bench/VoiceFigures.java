package dev.parley.bench;

/**
 * How fast one voice speaks, measured by {@link VoiceTimings}.
 *
 * @param voiceId the voice
 * @param engine {@code piper} or {@code espeak-ng}
 * @param sampleRate its sample rate in Hz
 * @param loadMs loading the voice and speaking the warm-up sentence once
 * @param realTimeFactor compute time / audio time over all chunks; below 1 is faster than real time
 * @param firstChunkMs time to synthesize the first chunk
 * @param msPerChunk mean time per chunk
 * @param audioSeconds audio produced for the whole paragraph
 */
record VoiceFigures(String voiceId, String engine, int sampleRate, double loadMs, double realTimeFactor,
        double firstChunkMs, double msPerChunk, double audioSeconds) {
}
