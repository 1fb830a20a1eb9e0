package dev.parley.audio;

/**
 * What one turn played.
 *
 * @param chunksPlayed chunks handed to the output line completely
 * @param bytesPlayed PCM bytes handed to the output line, including those of a chunk cut short; after
 *     a stop up to one line buffer of them was discarded unheard
 * @param underruns how often the line ran dry before the next chunk of the turn arrived, i.e. an
 *     audible gap in the middle of the turn (waiting for the first chunk is not an underrun)
 * @param stopped whether {@link AudioPlayer#stop()} (or a newer stop) ended the turn instead of its
 *     audio playing out
 */
public record TurnStats(int chunksPlayed, long bytesPlayed, int underruns, boolean stopped) {
}
