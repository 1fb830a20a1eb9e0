package dev.parley.bench;

import java.time.Instant;
import java.util.List;

/**
 * Everything one {@code --bench} run measured.
 *
 * @param command the command line that ran it
 * @param finished when it ended
 * @param seconds how long it took
 * @param machine see {@link Machine#describe}
 * @param options what it ran
 * @param replyTokens tokens of the scripted reply
 * @param relay one entry per client count
 * @param headroom one spoken client per provider rate
 * @param voices per installed voice
 * @param voiceProblems voices that could not be measured, one line each
 * @param warm this process after warm-up, heap after a full collection
 * @param loaded this process while the most clients stream, heap as it is
 * @param start headless start to listening, and the resident memory of that app
 */
record BenchResults(String command, Instant finished, double seconds, String machine, BenchOptions options,
        int replyTokens, List<StreamFigures> relay, List<StreamFigures> headroom, List<VoiceFigures> voices,
        List<String> voiceProblems, MemoryProbe.Reading warm, MemoryProbe.Reading loaded,
        HeadlessStart.Figures start) {
}
