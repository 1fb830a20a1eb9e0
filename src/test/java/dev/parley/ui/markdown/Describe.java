package dev.parley.ui.markdown;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Compact text form of parsed blocks, so parser tests can state expectations in one string.
 *
 * <p>One line per block: {@code >} per enclosing quote, the kind ({@code P}, {@code H2},
 * {@code UL}, {@code OL3} with the shown number, {@code CODE[lang]} or {@code CODE[lang]...} when
 * unclosed, {@code HR}, {@code ROW}, {@code HEAD}), {@code @depth} when nested in a list, then the
 * inlines: {@code "text"}, {@code /} for a line break, {@code B(..)}, {@code I(..)},
 * {@code S(..)}, {@code C(..)}, {@code L[url](..)} and {@code A[url](..)} for autolinks; table
 * cells are separated by {@code ||}.
 */
final class Describe {

    private Describe() {
    }

    static String parse(String markdown) {
        return blocks(MarkdownParser.parse(markdown));
    }

    static String blocks(List<Block> blocks) {
        return blocks.stream().map(Describe::block).collect(Collectors.joining("\n"));
    }

    static String block(Block block) {
        String kind;
        String content;
        if (block instanceof Block.Paragraph p) {
            kind = "P";
            content = inlines(p.content());
        } else if (block instanceof Block.Heading h) {
            kind = "H" + h.level();
            content = inlines(h.content());
        } else if (block instanceof Block.ListItem item) {
            kind = item.ordered() ? "OL" + item.number() : "UL";
            content = inlines(item.content());
        } else if (block instanceof Block.CodeBlock code) {
            kind = "CODE[" + code.language() + "]" + (code.closed() ? "" : "...");
            content = inlines(code.content());
        } else if (block instanceof Block.TableRow row) {
            kind = row.header() ? "HEAD" : "ROW";
            content = row.cells().stream().map(Describe::inlines).collect(Collectors.joining(" || "));
        } else {
            kind = "HR";
            content = "";
        }
        String head = ">".repeat(block.quoteDepth()) + kind + (block.depth() > 0 ? "@" + block.depth() : "");
        return content.isEmpty() ? head : head + " " + content;
    }

    static String inlines(List<Inline> inlines) {
        return inlines.stream().map(Describe::inline).collect(Collectors.joining(" "));
    }

    private static String inline(Inline inline) {
        if (inline instanceof Inline.Text text) {
            return '"' + text.text() + '"';
        }
        if (inline instanceof Inline.LineBreak) {
            return "/";
        }
        if (inline instanceof Inline.Styled styled) {
            String letter = switch (styled.style()) {
                case BOLD -> "B";
                case ITALIC -> "I";
                case STRIKETHROUGH -> "S";
                case CODE -> "C";
            };
            return letter + "(" + inlines(styled.children()) + ")";
        }
        Inline.Link link = (Inline.Link) inline;
        return (link.auto() ? "A[" : "L[") + link.url() + "](" + inlines(link.children()) + ")";
    }

    static String sampleReply() {
        try (InputStream in = Describe.class.getResourceAsStream("sample-reply.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
