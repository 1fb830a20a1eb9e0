package dev.parley.ui.markdown;

import java.util.List;

/**
 * The text of parsed Markdown without its markup, for "copy as text": blocks separated by a blank
 * line (consecutive list items and table rows by a single line ending), list items with a
 * {@code - } or {@code 1. } marker and two spaces of indentation per level, table cells separated by
 * tabs, rules left out. A link that is not a bare address keeps its target: {@code text (url)}.
 */
public final class PlainText {

    private PlainText() {
    }

    /** The plain text of {@code blocks}. */
    public static String of(List<Block> blocks) {
        StringBuilder out = new StringBuilder();
        Block previous = null;
        for (Block block : blocks) {
            if (block instanceof Block.Rule) {
                continue;
            }
            if (previous != null) {
                boolean tight = previous instanceof Block.ListItem && block instanceof Block.ListItem
                        || previous instanceof Block.TableRow && block instanceof Block.TableRow;
                out.append(tight ? "\n" : "\n\n");
            }
            out.append(indent(text(block), "  ".repeat(block.depth())));
            previous = block;
        }
        return out.toString();
    }

    private static String text(Block block) {
        if (block instanceof Block.Paragraph paragraph) {
            return text(paragraph.content());
        } else if (block instanceof Block.Heading heading) {
            return text(heading.content());
        } else if (block instanceof Block.ListItem item) {
            return (item.ordered() ? item.number() + ". " : "- ") + text(item.content());
        } else if (block instanceof Block.CodeBlock code) {
            return code.code();
        } else if (block instanceof Block.TableRow row) {
            StringBuilder cells = new StringBuilder();
            for (List<Inline> cell : row.cells()) {
                if (cells.length() > 0) {
                    cells.append('\t');
                }
                cells.append(text(cell));
            }
            return cells.toString();
        }
        throw new IllegalArgumentException("No text for " + block);
    }

    private static String text(List<Inline> inlines) {
        StringBuilder out = new StringBuilder();
        for (Inline inline : inlines) {
            if (inline instanceof Inline.Styled styled) {
                out.append(text(styled.children()));
            } else if (inline instanceof Inline.Link link) {
                String shown = text(link.children());
                out.append(shown);
                if (!link.auto() && !link.url().isEmpty() && !link.url().equals(shown)) {
                    out.append(" (").append(link.url()).append(')');
                }
            } else {
                out.append(inline.text());
            }
        }
        return out.toString();
    }

    private static String indent(String text, String indent) {
        return indent.isEmpty() ? text : indent + text.replace("\n", "\n" + indent);
    }
}
