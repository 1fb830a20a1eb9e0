package dev.parley.tts;

/**
 * How to speak a chunk.
 *
 * @param rate speaking rate, 0.5 to 2.0 where 1.0 is the voice's natural pace
 * @param speaker speaker name or numeric id for multi-speaker voices; {@code null} for the first
 */
public record SpeechSettings(double rate, String speaker) {

    public static final double MIN_RATE = 0.5;
    public static final double MAX_RATE = 2.0;
    public static final SpeechSettings DEFAULT = new SpeechSettings(1.0, null);

    public SpeechSettings {
        if (!(rate >= MIN_RATE && rate <= MAX_RATE)) {
            throw new IllegalArgumentException("rate must be between 0.5 and 2.0, was " + rate);
        }
    }
}
