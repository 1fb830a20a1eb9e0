package dev.parley.ui.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Raw offsets of blocks and inlines, which the spoken-sentence highlight relies on. */
class OffsetsTest {

    static Stream<Arguments> inlineRanges() {
        return Stream.of(
                // markdown, described inline, its [start, end) in the raw text
                Arguments.of("Hello **big** world", "B(\"big\")", 6, 13),
                Arguments.of("Hello **big** world", "\"big\"", 8, 11),
                Arguments.of("Hello **big** world", "\" world\"", 13, 19),
                Arguments.of("a *b* c", "I(\"b\")", 2, 5),
                Arguments.of("***x***", "I(B(\"x\"))", 0, 7),
                Arguments.of("***x***", "B(\"x\")", 1, 6),
                Arguments.of("run `ls -l` now", "C(\"ls -l\")", 4, 11),
                Arguments.of("run `ls -l` now", "\"ls -l\"", 5, 10),
                Arguments.of("`` a ``", "\"a\"", 3, 4),
                Arguments.of("see [docs](http://x.y) ok", "L[http://x.y](\"docs\")", 4, 22),
                Arguments.of("see [docs](http://x.y) ok", "\"docs\"", 5, 9),
                Arguments.of("![alt](i.png)", "L[i.png](\"alt\")", 0, 13),
                Arguments.of("at https://x.org.", "A[https://x.org](\"https://x.org\")", 3, 16),
                Arguments.of("<https://x.org>", "\"https://x.org\"", 1, 14),
                Arguments.of("\\*", "\"*\"", 0, 2),
                Arguments.of("~~no~~", "S(\"no\")", 0, 6),
                Arguments.of("> a\n> b", "/", 3, 6),
                Arguments.of("- a\n  b", "\"b\"", 6, 7),
                Arguments.of("# Title", "\"Title\"", 2, 7),
                Arguments.of("| a | **b** |", "B(\"b\")", 6, 11),
                Arguments.of("```\nx\r\ny\n```", "/", 5, 7));
    }

    @ParameterizedTest(name = "[{index}] {1} in {0}")
    @MethodSource
    void inlineRanges(String markdown, String inline, int start, int end) {
        List<Inline> all = new ArrayList<>();
        for (Block block : MarkdownParser.parse(markdown)) {
            for (List<Inline> content : contents(block)) {
                collect(content, all);
            }
        }
        assertThat(all).filteredOn(found -> Describe.inlines(List.of(found)).equals(inline))
                .singleElement()
                .satisfies(found -> assertThat(new int[] {found.start(), found.end()}).containsExactly(start, end));
    }

    static Stream<Arguments> blockRanges() {
        return Stream.of(
                Arguments.of("one\n\ntwo", 1, 5, 8),
                Arguments.of("intro\n- item  \n- next", 1, 6, 12),
                Arguments.of("  - item\n    more", 0, 0, 17),
                Arguments.of("> quoted\n> more", 0, 0, 15),
                Arguments.of("a\n\n```js\nx\n```\nb", 1, 3, 14),
                Arguments.of("a\n\n```js\nx\n", 1, 3, 10),
                Arguments.of("# T\n---", 1, 4, 7),
                Arguments.of("| h |\n|---|\n| r |", 1, 12, 17));
    }

    @ParameterizedTest(name = "[{index}] block {1} of {0}")
    @MethodSource
    void blockRanges(String markdown, int index, int start, int end) {
        Block block = MarkdownParser.parse(markdown).get(index);
        assertThat(new int[] {block.start(), block.end()}).containsExactly(start, end);
    }

    @Test
    void everyAlignedTextOfTheSampleIsItsRawText() {
        String raw = Describe.sampleReply();
        List<Inline> all = new ArrayList<>();
        for (Block block : MarkdownParser.parse(raw)) {
            for (List<Inline> content : contents(block)) {
                assertThat(content).allSatisfy(inline -> assertInside(inline, block));
                collect(content, all);
            }
        }
        List<Inline.Text> texts = all.stream().filter(Inline.Text.class::isInstance).map(Inline.Text.class::cast)
                .filter(text -> text.text().length() == text.end() - text.start()).toList();
        assertThat(texts).hasSizeGreaterThan(100)
                .allSatisfy(text -> assertThat(raw.substring(text.start(), text.end())).isEqualTo(text.text()));
    }

    @Test
    void blocksAndInlinesAreOrderedAndNested() {
        List<Block> blocks = MarkdownParser.parse(Describe.sampleReply());
        for (int i = 1; i < blocks.size(); i++) {
            assertThat(blocks.get(i).start()).isGreaterThanOrEqualTo(blocks.get(i - 1).end());
        }
        for (Block block : blocks) {
            for (List<Inline> content : contents(block)) {
                assertOrderedAndNested(content, block.start(), block.end());
            }
        }
    }

    private static void assertOrderedAndNested(List<Inline> inlines, int from, int to) {
        int position = from;
        for (Inline inline : inlines) {
            assertThat(inline.start()).isGreaterThanOrEqualTo(position);
            assertThat(inline.end()).isGreaterThanOrEqualTo(inline.start()).isLessThanOrEqualTo(to);
            position = inline.end();
            if (inline instanceof Inline.Styled styled) {
                assertOrderedAndNested(styled.children(), styled.start(), styled.end());
            } else if (inline instanceof Inline.Link link) {
                assertOrderedAndNested(link.children(), link.start(), link.end());
            }
        }
    }

    private static void assertInside(Inline inline, Block block) {
        assertThat(inline.start()).isGreaterThanOrEqualTo(block.start());
        assertThat(inline.end()).isLessThanOrEqualTo(block.end());
    }

    static List<List<Inline>> contents(Block block) {
        if (block instanceof Block.Paragraph p) {
            return List.of(p.content());
        } else if (block instanceof Block.Heading h) {
            return List.of(h.content());
        } else if (block instanceof Block.ListItem item) {
            return List.of(item.content());
        } else if (block instanceof Block.CodeBlock code) {
            return List.of(code.content());
        } else if (block instanceof Block.TableRow row) {
            return row.cells();
        }
        return List.of();
    }

    private static void collect(List<Inline> inlines, List<Inline> out) {
        for (Inline inline : inlines) {
            out.add(inline);
            if (inline instanceof Inline.Styled styled) {
                collect(styled.children(), out);
            } else if (inline instanceof Inline.Link link) {
                collect(link.children(), out);
            }
        }
    }
}
