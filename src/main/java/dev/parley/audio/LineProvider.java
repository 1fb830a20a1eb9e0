package dev.parley.audio;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/**
 * Obtains an unopened output line for a format. {@link AudioPlayer} opens, owns and closes every
 * line it obtains.
 */
@FunctionalInterface
public interface LineProvider {

    /** The system's default output device, through Java Sound. */
    LineProvider SYSTEM = AudioSystem::getSourceDataLine;

    /**
     * @throws LineUnavailableException if the device exists but cannot be used now
     * @throws IllegalArgumentException if no device supports the format (e.g. no sound card)
     */
    SourceDataLine lineFor(AudioFormat format) throws LineUnavailableException;
}
