package dev.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.SpeechCleaner;
import org.junit.jupiter.api.Test;

class TokenStampTest {

    @Test
    void aStampIsReadBackAndStripped() {
        String stamped = TokenStamp.stamp(" Moon,", 4711);

        assertThat(stamped).startsWith(" ").endsWith("Moon,").isNotEqualTo(" Moon,");
        assertThat(TokenStamp.read(stamped)).isEqualTo(4711);
        assertThat(TokenStamp.strip(stamped)).isEqualTo(" Moon,");
        assertThat(TokenStamp.read(" Moon,")).isEqualTo(-1);
    }

    @Test
    void parleyDoesNotSpeakTheStamp() {
        assertThat(SpeechCleaner.clean(TokenStamp.stamp("The", 0xabcdef) + " Moon.")).isEqualTo("The Moon.");
    }
}
