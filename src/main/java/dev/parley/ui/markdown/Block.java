package dev.parley.ui.markdown;

import java.util.List;

/**
 * One block of a parsed Markdown reply. Blocks form a flat list in reading order; containers are
 * described by two numbers on each block instead of a tree, so a renderer can treat every block
 * on its own and reuse it while later text streams in:
 *
 * <ul>
 *   <li>{@link #depth()}: how far the block is indented by list nesting. For a {@link ListItem} it
 *       is the item's own level (0 = top level); for other blocks it is the number of list items
 *       the block belongs to (a paragraph or code block indented under an item).
 *   <li>{@link #quoteDepth()}: how many block quotes ({@code >}) contain the block; 0 outside
 *       quotes.
 * </ul>
 *
 * <p>{@link #start()} and {@link #end()} give the block's range in the raw Markdown string: from
 * the start of its first line (container markers included) to the end of the text of its last
 * line (trailing whitespace and the line ending excluded). Instances are immutable values.
 */
public sealed interface Block
        permits Block.Paragraph, Block.Heading, Block.ListItem, Block.CodeBlock, Block.Rule,
                Block.TableRow {

    /** Raw index where the block begins (inclusive). */
    int start();

    /** Raw index where the block ends (exclusive). */
    int end();

    /** List nesting, see the interface description. */
    int depth();

    /** Number of enclosing block quotes. */
    int quoteDepth();

    /** A paragraph of inline text. */
    record Paragraph(int start, int end, int depth, int quoteDepth, List<Inline> content)
            implements Block {

        public Paragraph {
            content = List.copyOf(content);
        }
    }

    /** An ATX heading ({@code #} to {@code ######}); {@code level} is 1 to 6. */
    record Heading(int start, int end, int depth, int quoteDepth, int level, List<Inline> content)
            implements Block {

        public Heading {
            content = List.copyOf(content);
        }
    }

    /**
     * A bullet or ordered list item. For ordered items {@code number} is the number to show:
     * the first item of a list keeps its written number and the following siblings count on from
     * it, as Markdown renderers do; for bullets it is 0.
     */
    record ListItem(int start, int end, int depth, int quoteDepth, boolean ordered, int number,
            List<Inline> content) implements Block {

        public ListItem {
            content = List.copyOf(content);
        }
    }

    /**
     * A fenced code block. {@code language} is the first word of the info string, or empty.
     * {@code closed} is false while the closing fence has not arrived (a streaming reply): the
     * block then holds the code received so far. {@code content} holds only {@link Inline.Text}
     * lines and {@link Inline.LineBreak}s; Markdown inside it is not interpreted.
     */
    record CodeBlock(int start, int end, int depth, int quoteDepth, String language, boolean closed,
            List<Inline> content) implements Block {

        public CodeBlock {
            content = List.copyOf(content);
        }

        /** The code, lines separated by {@code \n}. */
        public String code() {
            return Inline.textOf(content);
        }
    }

    /** A horizontal rule ({@code ---}, {@code ***}, {@code ___}). */
    record Rule(int start, int end, int depth, int quoteDepth) implements Block {
    }

    /**
     * One row of a pipe table. {@code header} is true for the row just above the delimiter row
     * ({@code |---|---|}), which is itself not a block.
     */
    record TableRow(int start, int end, int depth, int quoteDepth, boolean header,
            List<List<Inline>> cells) implements Block {

        public TableRow {
            cells = cells.stream().map(List::copyOf).toList();
        }
    }
}
