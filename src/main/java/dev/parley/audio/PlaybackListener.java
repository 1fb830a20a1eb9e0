package dev.parley.audio;

/**
 * Events of an {@link AudioPlayer}.
 *
 * <p>Every method is called on the player's playback thread (named {@value AudioPlayer#THREAD_NAME}),
 * one call at a time, in the order the events happen. Calls delay the audio that follows, so they
 * must return quickly: a UI hops to its own thread. An exception thrown by a method is logged and
 * otherwise ignored. No method is called once {@link AudioPlayer#close()} has returned.
 */
public interface PlaybackListener {

    /**
     * The chunk's first samples are being handed to the output line; it becomes audible within the
     * line's buffer time (80 ms), so a UI can highlight the text being spoken now.
     */
    default void onChunkStarted(Object tag) {
    }

    /**
     * The chunk's last samples were handed to the output line. Not called for a chunk cut short by
     * {@link AudioPlayer#stop()} or by an output failure.
     */
    default void onChunkFinished(Object tag) {
    }

    /**
     * The turn is over: its audio has been played out, or it was stopped. Called once for every turn,
     * in the order the turns were begun; turns still unfinished when the player is closed may go
     * unreported.
     */
    default void onTurnFinished(PlaybackTurn turn, TurnStats stats) {
    }

    /**
     * No audio output could be opened, or the open one failed; audio is dropped until a later turn
     * opens a line again. Called once per outage, not for every chunk or turn it affects.
     */
    default void onUnavailable(String reason) {
    }
}
