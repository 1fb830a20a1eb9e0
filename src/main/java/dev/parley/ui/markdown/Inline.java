package dev.parley.ui.markdown;

import java.util.List;

/**
 * A piece of inline Markdown inside a block: literal text, a line break, a styled span or a link.
 *
 * <p>Every inline keeps the range {@code [start, end)} it was parsed from in the raw Markdown
 * string, markers included: in {@code "Hello **big** world"} the bold span covers {@code [6, 13)}
 * while its text is {@code "big"}. Instances are immutable values; two parses of the same text give
 * equal trees.
 */
public sealed interface Inline permits Inline.Text, Inline.LineBreak, Inline.Styled, Inline.Link {

    /** Raw index where the inline begins (inclusive). */
    int start();

    /** Raw index where the inline ends (exclusive). */
    int end();

    /** The text shown for this inline, markers removed. */
    String text();

    /** How a {@link Styled} span is drawn. */
    enum Style { BOLD, ITALIC, STRIKETHROUGH, CODE }

    /**
     * Literal text. When {@code text} has as many characters as the raw range, character {@code k}
     * of the text stands for raw character {@code start + k}; otherwise (an escape such as
     * {@code \*}, or a line ending inside inline code shown as a space) the text stands for the
     * range as a whole.
     */
    record Text(int start, int end, String text) implements Inline {
    }

    /** A line ending inside a block, shown as a new line; the range may include indentation. */
    record LineBreak(int start, int end) implements Inline {

        @Override
        public String text() {
            return "\n";
        }
    }

    /** Emphasis, strong emphasis, strikethrough or inline code around {@code children}. */
    record Styled(Style style, int start, int end, List<Inline> children) implements Inline {

        public Styled {
            children = List.copyOf(children);
        }

        @Override
        public String text() {
            return textOf(children);
        }
    }

    /**
     * A link showing {@code children} and pointing to {@code url}. {@code auto} is true for
     * autolinks ({@code <https://...>}) and bare URLs, whose text is the address itself.
     */
    record Link(int start, int end, String url, boolean auto, List<Inline> children) implements Inline {

        public Link {
            children = List.copyOf(children);
        }

        @Override
        public String text() {
            return textOf(children);
        }
    }

    /** The shown text of a sequence of inlines. */
    static String textOf(List<Inline> inlines) {
        StringBuilder text = new StringBuilder();
        for (Inline inline : inlines) {
            text.append(inline.text());
        }
        return text.toString();
    }
}
