package dev.parley.audio;

/** Volume and mute, set from any thread and read by the playback thread before each write block. */
final class VolumeControl {

    private volatile double volume = 1.0;
    private volatile boolean muted;

    void setVolume(double volume) {
        if (!(volume >= 0.0 && volume <= 1.0)) {
            throw new IllegalArgumentException("volume must be within 0.0..1.0: " + volume);
        }
        this.volume = volume;
    }

    double volume() {
        return volume;
    }

    void setMuted(boolean muted) {
        this.muted = muted;
    }

    boolean isMuted() {
        return muted;
    }

    /** The factor to scale samples by now. */
    double gain() {
        return muted ? 0.0 : volume;
    }
}
