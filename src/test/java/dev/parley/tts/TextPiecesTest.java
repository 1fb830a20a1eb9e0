package dev.parley.tts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TextPiecesTest {

    static Stream<Arguments> cuts() {
        return Stream.of(
                Arguments.of("short", 10, List.of("short")),
                Arguments.of("aaa bbb ccc", 7, List.of("aaa bbb", "ccc")),
                Arguments.of("aaa bbb ccc", 8, List.of("aaa bbb", "ccc")),
                // A space after a comma in the second half wins over a later space.
                Arguments.of("aaaaaa, bb cc dd", 12, List.of("aaaaaa,", "bb cc dd")),
                // ...but not one in the first half.
                Arguments.of("a, bbbbbbb cc dd", 12, List.of("a, bbbbbbb", "cc dd")),
                Arguments.of("abcdefghij", 4, List.of("abcd", "efgh", "ij")),
                Arguments.of("😀😀😀", 1, List.of("😀", "😀", "😀")),
                Arguments.of("a, ", 3, List.of("a, ")),
                Arguments.of(" aaa bbb ", 4, List.of("aaa", "bbb")));
    }

    @ParameterizedTest
    @MethodSource("cuts")
    void cutsAtSpacesPreferablyAfterPunctuation(String text, int max, List<String> pieces) {
        assertThat(TextPieces.cut(text, max, c -> 1)).isEqualTo(pieces);
    }

}
