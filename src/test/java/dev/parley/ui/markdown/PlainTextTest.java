package dev.parley.ui.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PlainTextTest {

    static Stream<Arguments> plainText() {
        return Stream.of(
                Arguments.of("Hello **big** _world_", "Hello big world"),
                Arguments.of("# Title\n\nText", "Title\n\nText"),
                Arguments.of("one\ntwo", "one\ntwo"),
                Arguments.of("- a\n  - b\n- c", "- a\n  - b\n- c"),
                Arguments.of("1. a\n1. b", "1. a\n2. b"),
                Arguments.of("Intro\n- a", "Intro\n\n- a"),
                Arguments.of("```java\nint x; // **y**\n```", "int x; // **y**"),
                Arguments.of("a\n\n---\n\nb", "a\n\nb"),
                Arguments.of("| a | b |\n|---|---|\n| 1 | 2 |", "a\tb\n1\t2"),
                Arguments.of("> quoted `code`", "quoted code"),
                Arguments.of("[docs](https://x.org) and https://y.org", "docs (https://x.org) and https://y.org"),
                Arguments.of("\\*literal\\*", "*literal*"),
                Arguments.of("- item\n\n  more", "- item\n\n  more"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void plainText(String markdown, String expected) {
        assertThat(PlainText.of(MarkdownParser.parse(markdown))).isEqualTo(expected);
    }
}
