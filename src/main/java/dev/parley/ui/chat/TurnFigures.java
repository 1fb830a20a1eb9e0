package dev.parley.ui.chat;

/**
 * What the status bar shows of the last turn; each figure is {@code null} until known.
 *
 * @param ttftMs time to the first token
 * @param firstAudioMs time to the first audio chunk
 * @param tokensPerSecond generation rate
 * @param underruns times playback starved while more speech was coming: first the pipeline's
 *     count for a listener playing in real time, then, once the turn has played, the player's own
 */
public record TurnFigures(Long ttftMs, Long firstAudioMs, Double tokensPerSecond, Integer underruns) {

    public static final TurnFigures NONE = new TurnFigures(null, null, null, null);

    TurnFigures withUnderruns(int value) {
        return new TurnFigures(ttftMs, firstAudioMs, tokensPerSecond, value);
    }
}
