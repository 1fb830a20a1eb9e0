package dev.parley.tts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PhonemeIdsTest {

    static final Map<Integer, long[]> IDS = Map.of(
            (int) '_', new long[] {0},
            (int) '^', new long[] {1},
            (int) '$', new long[] {2},
            (int) ' ', new long[] {3},
            (int) 'a', new long[] {14},
            (int) 'b', new long[] {15},
            (int) 'ˈ', new long[] {120},
            (int) 'ɚ', new long[] {60, 61},
            0x0327, new long[] {140});

    static Stream<Arguments> table() {
        Map<Integer, int[]> none = Map.of();
        Map<Integer, int[]> aToBb = Map.of((int) 'a', new int[] {'b', 'b'});
        return Stream.of(
                Arguments.of("", none, List.of(1, 0, 2)),
                Arguments.of("a", none, List.of(1, 0, 14, 0, 2)),
                Arguments.of("ˈa b", none, List.of(1, 0, 120, 0, 14, 0, 3, 0, 15, 0, 2)),
                Arguments.of("ɚ", none, List.of(1, 0, 60, 61, 0, 2)),
                Arguments.of("c\u0327", none, List.of(1, 0, 140, 0, 2)),
                Arguments.of("aZb", none, List.of(1, 0, 14, 0, 15, 0, 2)),
                Arguments.of("ab", aToBb, List.of(1, 0, 15, 0, 15, 0, 15, 0, 2)),
                Arguments.of("𝄞a", none, List.of(1, 0, 14, 0, 2)));
    }

    @ParameterizedTest
    @MethodSource("table")
    void encodesLikePiper(String phonemes, Map<Integer, int[]> phonemeMap, List<Integer> expected) {
        assertThat(TestVoiceAudio.list(new PhonemeIds(IDS, phonemeMap).encode(phonemes))).isEqualTo(expected);
    }

    @Test
    void requiresPadBosAndEos() {
        assertThatThrownBy(() -> new PhonemeIds(Map.of((int) '^', new long[] {1}, (int) '$', new long[] {2}), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'_'");
    }
}
