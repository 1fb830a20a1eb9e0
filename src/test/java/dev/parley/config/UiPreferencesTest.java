package dev.parley.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class UiPreferencesTest {

    private final UiPreferences prefs = UiPreferences.EMPTY
            .with("voice", "en_US-lessac-medium")
            .with("volume", 0.8)
            .with("width", 1200L)
            .with("height", 700.0)
            .with("huge", 1L << 40)
            .with("mute", true);

    @Test
    void typedReadsReturnStoredValues() {
        assertThat(prefs.string("voice")).contains("en_US-lessac-medium");
        assertThat(prefs.number("volume", 1.0)).isEqualTo(0.8);
        assertThat(prefs.number("width", 0)).isEqualTo(1200.0);
        assertThat(prefs.integer("width", 0)).isEqualTo(1200);
        assertThat(prefs.integer("height", 0)).isEqualTo(700);
        assertThat(prefs.flag("mute", false)).isTrue();
    }

    @Test
    void missingOrMistypedValuesGiveTheFallback() {
        assertThat(prefs.string("volume")).isEmpty();
        assertThat(prefs.string("absent")).isEmpty();
        assertThat(prefs.number("voice", 0.5)).isEqualTo(0.5);
        assertThat(prefs.integer("volume", 3)).isEqualTo(3);
        assertThat(prefs.integer("huge", 3)).isEqualTo(3);
        assertThat(prefs.flag("voice", false)).isFalse();
        assertThat(prefs.flag("absent", true)).isTrue();
    }

    @Test
    void withAndWithoutReturnCopies() {
        UiPreferences muted = UiPreferences.EMPTY.with("mute", true);
        UiPreferences unmuted = muted.with("mute", false);
        assertThat(muted.flag("mute", false)).isTrue();
        assertThat(unmuted.flag("mute", true)).isFalse();
        assertThat(unmuted.without("mute")).isEqualTo(UiPreferences.EMPTY);
        assertThat(muted.asMap()).isEqualTo(Map.of("mute", true));
    }

    @Test
    void valuesJsonCannotHoldAreRejected() {
        assertThatThrownBy(() -> UiPreferences.EMPTY.with("volume", Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UiPreferences.EMPTY.with(" ", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UiPreferences(Map.of("list", java.util.List.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
