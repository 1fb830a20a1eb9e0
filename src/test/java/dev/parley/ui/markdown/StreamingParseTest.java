package dev.parley.ui.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Parsing a reply while it streams in: every prefix is valid and the end result does not depend on the path. */
class StreamingParseTest {

    @Test
    void everyPrefixOfTheSampleParsesAndTheLastParseIsTheOneShotParse() {
        String reply = Describe.sampleReply();
        List<Block> last = List.of();
        for (int length = 0; length <= reply.length(); length++) {
            String prefix = reply.substring(0, length);
            assertThatCode(() -> MarkdownParser.parse(prefix)).as("prefix of %d chars", length)
                    .doesNotThrowAnyException();
            last = MarkdownParser.parse(prefix);
            for (Block block : last) {
                assertThat(block.end()).as("prefix of %d chars", length).isLessThanOrEqualTo(length);
            }
        }
        assertThat(last).isEqualTo(MarkdownParser.parse(reply));
    }

    @Test
    void completedBlocksOfAPrefixStayAsTheyAre() {
        // Once two more blocks have started after it, a block only changes when a table
        // delimiter row turns the row above it into a header; the sample has one such row.
        String reply = Describe.sampleReply();
        List<Block> full = MarkdownParser.parse(reply);
        int changed = 0;
        for (int length = 0; length <= reply.length(); length++) {
            List<Block> blocks = MarkdownParser.parse(reply.substring(0, length));
            for (int i = 0; i < blocks.size() - 2; i++) {
                if (!blocks.get(i).equals(full.get(i))) {
                    changed++;
                }
            }
        }
        assertThat(changed).isZero();
    }

    static Stream<Arguments> streamingStates() {
        return Stream.of(
                Arguments.of("Here is **bold", "P \"Here is **bold\""),
                // CommonMark pairs the single "*" of a closer still arriving, for one token.
                Arguments.of("Here is **bold*", "P \"Here is *\" I(\"bold\")"),
                Arguments.of("Here is **bold**", "P \"Here is \" B(\"bold\")"),
                Arguments.of("Text `code", "P \"Text `code\""),
                Arguments.of("See [docs](https://exa", "P \"See [docs](https://exa\""),
                Arguments.of("See [docs](https://example.com)", "P \"See \" L[https://example.com](\"docs\")"),
                Arguments.of("Intro\n\n```", "P \"Intro\"\nCODE[]..."),
                Arguments.of("Intro\n\n```java\nint x = 1; // **not bold**\n",
                        "P \"Intro\"\nCODE[java]... \"int x = 1; // **not bold**\""),
                Arguments.of("```\na\n`", "CODE[]... \"a\" / \"`\""),
                Arguments.of("- item\n- ", "UL \"item\"\nUL"),
                Arguments.of("1. one\n2", "OL1 \"one\" / \"2\""),
                Arguments.of("| a | b |\n|--", "HEAD \"a\" || \"b\""),
                Arguments.of("| a | b |\n|", "ROW \"a\" || \"b\"\nROW"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void streamingStates(String prefix, String expected) {
        assertThat(Describe.parse(prefix)).isEqualTo(expected);
    }
}
