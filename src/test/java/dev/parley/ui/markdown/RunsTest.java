package dev.parley.ui.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Flattening inlines into drawable runs and cutting them at a highlighted raw range. */
class RunsTest {

    @Test
    void flattensNestedStylesIntoRunsWithRawRanges() {
        List<Run> runs = runs("Hello **big *and* bold** [link](u) `x`");
        assertThat(runs).containsExactly(
                new Run("Hello ", 0, 6, 0, null),
                new Run("big ", 8, 12, Run.BOLD, null),
                new Run("and", 13, 16, Run.BOLD | Run.ITALIC, null),
                new Run(" bold", 17, 22, Run.BOLD, null),
                new Run(" ", 24, 25, 0, null),
                new Run("link", 26, 30, Run.LINK, "u"),
                new Run(" ", 34, 35, 0, null),
                new Run("x", 36, 37, Run.CODE, null));
    }

    @Test
    void mergesALineBreakThatIsExactlyOneRawCharacter() {
        assertThat(runs("one\ntwo")).containsExactly(new Run("one\ntwo", 0, 7, 0, null));
        assertThat(runs("one\n  two")).containsExactly(
                new Run("one", 0, 3, 0, null), new Run("\n", 3, 6, 0, null), new Run("two", 6, 9, 0, null));
    }

    static Stream<Arguments> highlights() {
        // Runs of "Hello **big** world. Next one.": "Hello " [0,6), "big" [8,11), " world. Next one." [13,30).
        // Spoken pieces are shown in [brackets].
        return Stream.of(
                Arguments.of(0, 20, "[Hello ]|[big]|[ world.]| Next one."),
                Arguments.of(2, 10, "He|[llo ]|[bi]|g| world. Next one."),
                Arguments.of(6, 13, "Hello |[big]| world. Next one."),
                Arguments.of(7, 9, "Hello |[b]|ig| world. Next one."),
                Arguments.of(20, 30, "Hello |big| world.|[ Next one.]"),
                Arguments.of(20, 99, "Hello |big| world.|[ Next one.]"),
                Arguments.of(30, 40, "Hello |big| world. Next one."),
                Arguments.of(6, 8, "Hello |big| world. Next one."),
                Arguments.of(5, 5, "Hello |big| world. Next one."));
    }

    @ParameterizedTest(name = "[{index}] [{0}, {1})")
    @MethodSource
    void highlights(int start, int end, String expected) {
        List<Run> runs = runs("Hello **big** world. Next one.");
        List<Run> highlighted = Runs.highlight(runs, start, end);
        assertThat(show(highlighted)).isEqualTo(expected);
        assertThat(highlighted.stream().map(Run::text).collect(Collectors.joining()))
                .isEqualTo("Hello big world. Next one.");
        assertThat(highlighted).allSatisfy(run ->
                assertThat(run.flags() & ~Run.SPOKEN).isEqualTo(runs.stream()
                        .filter(original -> original.start() <= run.start() && run.end() <= original.end())
                        .findFirst().orElseThrow().flags()));
    }

    @Test
    void splitPiecesKeepTheirRawRanges() {
        List<Run> highlighted = Runs.highlight(runs("Hello **big** world"), 9, 16);
        assertThat(highlighted).containsExactly(
                new Run("Hello ", 0, 6, 0, null),
                new Run("b", 8, 9, Run.BOLD, null),
                new Run("ig", 9, 11, Run.BOLD | Run.SPOKEN, null),
                new Run(" wo", 13, 16, Run.SPOKEN, null),
                new Run("rld", 16, 19, 0, null));
    }

    @Test
    void aRunThatIsNotAlignedIsMarkedWholeWhenTheRangeTouchesIt() {
        // "\*" shows one character for two raw ones.
        List<Run> runs = runs("a \\* b");
        assertThat(runs).containsExactly(
                new Run("a ", 0, 2, 0, null), new Run("*", 2, 4, 0, null), new Run(" b", 4, 6, 0, null));
        assertThat(show(Runs.highlight(runs, 3, 5))).isEqualTo("a |[*]|[ ]|b");
    }

    @Test
    void aRangeOutsideAllRunsReturnsTheSameList() {
        List<Run> runs = runs("Hello **big** world");
        assertThat(Runs.highlight(runs, 40, 50)).isSameAs(runs);
        assertThat(Runs.highlight(runs, 3, 3)).isSameAs(runs);
    }

    private static List<Run> runs(String markdown) {
        Block.Paragraph paragraph = (Block.Paragraph) MarkdownParser.parse(markdown).get(0);
        return Runs.of(paragraph.content(), 0);
    }

    private static String show(List<Run> runs) {
        return runs.stream().map(run -> run.has(Run.SPOKEN) ? "[" + run.text() + "]" : run.text())
                .collect(Collectors.joining("|"));
    }
}
