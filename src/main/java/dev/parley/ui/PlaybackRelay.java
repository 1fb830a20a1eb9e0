package dev.parley.ui;

import dev.parley.audio.PlaybackListener;
import dev.parley.audio.PlaybackTurn;
import dev.parley.audio.TurnStats;

/**
 * The audio player takes its listener when it starts, before the view models that listen to it
 * exist; this forwards to whichever listener is set. Called on the playback thread.
 */
final class PlaybackRelay implements PlaybackListener {

    private volatile PlaybackListener target = new PlaybackListener() { };

    void setTarget(PlaybackListener listener) {
        target = listener;
    }

    @Override
    public void onChunkStarted(Object tag) {
        target.onChunkStarted(tag);
    }

    @Override
    public void onChunkFinished(Object tag) {
        target.onChunkFinished(tag);
    }

    @Override
    public void onTurnFinished(PlaybackTurn turn, TurnStats stats) {
        target.onTurnFinished(turn, stats);
    }

    @Override
    public void onUnavailable(String reason) {
        target.onUnavailable(reason);
    }
}
