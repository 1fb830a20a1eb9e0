package dev.parley.ui.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a Markdown reply into {@link Block}s, each with raw offsets and inline content. Pure
 * Java, stateless between calls and thread-safe.
 *
 * <p>Made for text that is still streaming: any prefix of a reply parses (an unclosed code fence
 * is a code block holding the code so far, an unclosed {@code **} is literal text), and parsing a
 * text always gives the same blocks however it was received. The dialect is the part of
 * CommonMark and GitHub Markdown that chat models write:
 *
 * <ul>
 *   <li>paragraphs; a single line ending is kept as a line break (as in GitHub comments) rather
 *       than joined with a space, since models use it for short lines and verse;
 *   <li>ATX headings {@code #} to {@code ######} (setext underlines are not headings: a
 *       {@code ---} line is always a rule);
 *   <li>bullet ({@code -}, {@code *}, {@code +}) and ordered ({@code 1.}, {@code 1)}) list items,
 *       nested by indentation: an item is a child of the previous item whose marker is less
 *       indented; paragraphs and code indented under an item belong to it;
 *   <li>block quotes ({@code >}, nested {@code > >}), whose content may be any of these blocks;
 *   <li>fenced code blocks with {@code ```} or {@code ~~~} and an optional language;
 *   <li>horizontal rules and pipe tables (rows starting with {@code |}, or any row with a pipe
 *       once a delimiter row has started a table).
 * </ul>
 *
 * <p>Not supported: indented (4-space) code blocks, setext headings, HTML, link reference
 * definitions, footnotes, entity references. They show as plain text.
 */
public final class MarkdownParser {

    private static final Pattern FENCE = Pattern.compile("(`{3,}|~{3,})[ \\t]*([^ \\t]*).*");
    private static final Pattern HEADING = Pattern.compile("(#{1,6})(?:[ \\t]+|$)");
    private static final Pattern RULE = Pattern.compile("([-*_])(?:[ \\t]*\\1){2,}[ \\t]*");
    private static final Pattern DELIMITER_ROW = Pattern.compile(
            "\\|?[ \\t]*:?-+:?[ \\t]*(?:\\|[ \\t]*:?-+:?[ \\t]*)*\\|?[ \\t]*");
    private static final Pattern BULLET = Pattern.compile("[-*+](?:[ \\t]+|$)");
    private static final Pattern ORDERED = Pattern.compile("(\\d{1,9})([.)])(?:[ \\t]+|$)");

    private final String raw;
    private final List<Block> blocks = new ArrayList<>();
    private final List<ListLevel> lists = new ArrayList<>();
    private Leaf leaf;
    private Fence fence;
    private boolean afterBlank;
    private boolean inTable;
    private int lastQuoteDepth;

    private MarkdownParser(String raw) {
        this.raw = raw;
    }

    /** Parses {@code markdown} (null counts as empty) into blocks in reading order. */
    public static List<Block> parse(String markdown) {
        MarkdownParser parser = new MarkdownParser(markdown == null ? "" : markdown);
        parser.run();
        return List.copyOf(parser.blocks);
    }

    private void run() {
        int position = 0;
        while (true) {
            int newline = raw.indexOf('\n', position);
            int lineEnd = newline < 0 ? raw.length() : newline;
            int contentEnd = lineEnd > position && raw.charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
            line(position, contentEnd);
            if (newline < 0) {
                break;
            }
            position = newline + 1;
        }
        closeLeaf();
        if (fence != null) {
            closeFence(false, fence.end);
        }
    }

    private void line(int lineStart, int lineEnd) {
        if (fence != null) {
            QuotePrefix prefix = quotePrefix(lineStart, lineEnd, fence.quoteDepth);
            if (prefix.depth == fence.quoteDepth) {
                fenceLine(lineStart, prefix.contentStart, lineEnd);
                return;
            }
            closeFence(false, fence.end);
        }
        QuotePrefix prefix = quotePrefix(lineStart, lineEnd, Integer.MAX_VALUE);
        int quoteDepth = prefix.depth;
        int contentStart = prefix.contentStart;
        int first = contentStart;
        int indent = 0;
        while (first < lineEnd && (raw.charAt(first) == ' ' || raw.charAt(first) == '\t')) {
            indent = raw.charAt(first) == '\t' ? indent + 4 - indent % 4 : indent + 1;
            first++;
        }
        if (first == lineEnd) {
            closeLeaf();
            afterBlank = true;
            inTable = false;
            return;
        }
        if (quoteDepth != lastQuoteDepth) {
            closeLeaf();
            lists.clear();
            inTable = false;
            lastQuoteDepth = quoteDepth;
        }
        int end = trimEnd(first, lineEnd);
        block(lineStart, first, end, indent, quoteDepth);
        afterBlank = false;
    }

    private void block(int lineStart, int first, int end, int indent, int quoteDepth) {
        Matcher matcher;
        if ((matcher = match(FENCE, first, end)).matches()
                && !(matcher.group(1).charAt(0) == '`' && contains('`', matcher.end(1), end))) {
            closeLeaf();
            inTable = false;
            fence = new Fence(lineStart, end, containerDepth(indent), quoteDepth, matcher.group(1).charAt(0),
                    matcher.group(1).length(), indent, matcher.group(2));
            return;
        }
        if ((matcher = match(HEADING, first, end)).lookingAt()) {
            closeLeaf();
            inTable = false;
            int level = matcher.group(1).length();
            emit(new Block.Heading(lineStart, end, containerDepth(indent), quoteDepth, level,
                    InlineParser.parse(raw, List.of(headingText(matcher.end(), end)))));
            return;
        }
        if (match(RULE, first, end).matches()) {
            closeLeaf();
            inTable = false;
            emit(new Block.Rule(lineStart, end, containerDepth(indent), quoteDepth));
            return;
        }
        if (hasPipe(first, end) && match(DELIMITER_ROW, first, end).matches() && startTable()) {
            return;
        }
        if (raw.charAt(first) == '|' || inTable && hasPipe(first, end)) {
            closeLeaf();
            inTable = true;
            emit(new Block.TableRow(lineStart, end, containerDepth(indent), quoteDepth, false, cells(first, end)));
            return;
        }
        inTable = false;
        if ((matcher = match(BULLET, first, end)).lookingAt()) {
            listItem(lineStart, matcher.end(), end, indent, quoteDepth, false, 0, ' ');
            return;
        }
        if ((matcher = match(ORDERED, first, end)).lookingAt()) {
            listItem(lineStart, matcher.end(), end, indent, quoteDepth, true,
                    Integer.parseInt(matcher.group(1)), matcher.group(2).charAt(0));
            return;
        }
        if (leaf != null && !afterBlank) {
            leaf.add(first, end);
            return;
        }
        closeLeaf();
        leaf = new Leaf(lineStart, containerDepth(indent), quoteDepth, false, false, 0);
        leaf.add(first, end);
    }

    private Matcher match(Pattern pattern, int from, int to) {
        return pattern.matcher(raw).region(from, to);
    }

    private void fenceLine(int lineStart, int contentStart, int lineEnd) {
        int first = contentStart;
        while (first < lineEnd && (raw.charAt(first) == ' ' || raw.charAt(first) == '\t')) {
            first++;
        }
        int end = trimEnd(first, lineEnd);
        int run = first;
        while (run < end && raw.charAt(run) == fence.marker) {
            run++;
        }
        if (run - first >= fence.length && run == end) {
            closeFence(true, end);
            return;
        }
        // Code keeps its own indentation; only the fence's indentation is cut off.
        int codeStart = contentStart;
        for (int cut = 0; cut < fence.indent && codeStart < lineEnd && raw.charAt(codeStart) == ' '; cut++) {
            codeStart++;
        }
        fence.lines.add(new Segment(codeStart, lineEnd));
        if (end > first) {
            fence.end = lineEnd;
        }
    }

    private void closeFence(boolean closed, int end) {
        List<Segment> lines = fence.lines;
        if (!closed && !lines.isEmpty() && lines.get(lines.size() - 1).start() == lines.get(lines.size() - 1).end()) {
            // The line ending just received does not start a visible line yet.
            lines = lines.subList(0, lines.size() - 1);
        }
        emit(new Block.CodeBlock(fence.start, end, fence.depth, fence.quoteDepth, fence.language, closed,
                InlineParser.verbatim(raw, lines)));
        fence = null;
    }

    /** Makes the row above a delimiter row a header row; false when there is no such row. */
    private boolean startTable() {
        if (leaf != null && !leaf.item && !afterBlank && leaf.segments.size() == 1) {
            Segment row = leaf.segments.get(0);
            if (!hasPipe(row.start(), row.end())) {
                return false;
            }
            Leaf header = leaf;
            leaf = null;
            emit(new Block.TableRow(header.start, row.end(), header.depth, header.quoteDepth, true,
                    cells(row.start(), row.end())));
            inTable = true;
            return true;
        }
        if (inTable && !afterBlank && blocks.get(blocks.size() - 1) instanceof Block.TableRow row && !row.header()) {
            blocks.set(blocks.size() - 1, new Block.TableRow(row.start(), row.end(), row.depth(), row.quoteDepth(),
                    true, row.cells()));
            return true;
        }
        return false;
    }

    private boolean contains(char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (raw.charAt(i) == c) {
                return true;
            }
        }
        return false;
    }

    private boolean hasPipe(int from, int to) {
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '|') {
                return true;
            }
        }
        return false;
    }

    private List<List<Inline>> cells(int first, int end) {
        int from = raw.charAt(first) == '|' ? first + 1 : first;
        int to = end > from && raw.charAt(end - 1) == '|' && (end - 2 < from || raw.charAt(end - 2) != '\\')
                ? end - 1 : end;
        List<List<Inline>> cells = new ArrayList<>();
        int cellStart = from;
        for (int i = from; i <= to; i++) {
            if (i < to - 1 && raw.charAt(i) == '\\') {
                i++;
            } else if (i == to || raw.charAt(i) == '|') {
                cells.add(cell(cellStart, Math.min(i, to)));
                cellStart = i + 1;
            }
        }
        return cells;
    }

    private List<Inline> cell(int from, int to) {
        while (from < to && Character.isWhitespace(raw.charAt(from))) {
            from++;
        }
        to = trimEnd(from, to);
        return from == to ? List.of() : InlineParser.parse(raw, List.of(new Segment(from, to)));
    }

    private Segment headingText(int from, int end) {
        while (from < end && (raw.charAt(from) == ' ' || raw.charAt(from) == '\t')) {
            from++;
        }
        // An optional closing sequence of #s, separated by a space: "## Title ##".
        int hashes = end;
        while (hashes > from && raw.charAt(hashes - 1) == '#') {
            hashes--;
        }
        if (hashes == from || hashes < end && (raw.charAt(hashes - 1) == ' ' || raw.charAt(hashes - 1) == '\t')) {
            end = trimEnd(from, hashes);
        }
        return new Segment(from, end);
    }

    private void listItem(int lineStart, int contentStart, int end, int indent, int quoteDepth,
            boolean ordered, int number, char delimiter) {
        closeLeaf();
        ListLevel sibling = null;
        while (!lists.isEmpty() && indent <= lists.get(lists.size() - 1).indent) {
            sibling = lists.remove(lists.size() - 1);
        }
        int shown = ordered && sibling != null && sibling.ordered && sibling.delimiter == delimiter
                ? sibling.number + 1 : number;
        lists.add(new ListLevel(indent, ordered, shown, delimiter));
        leaf = new Leaf(lineStart, lists.size() - 1, quoteDepth, true, ordered, ordered ? shown : 0);
        leaf.add(contentStart, end);
    }

    /** How many open list items a line indented by {@code indent} columns belongs to. */
    private int containerDepth(int indent) {
        int depth = 0;
        while (depth < lists.size() && lists.get(depth).indent < indent) {
            depth++;
        }
        lists.subList(depth, lists.size()).clear();
        return depth;
    }

    private void closeLeaf() {
        if (leaf == null) {
            return;
        }
        List<Inline> content = InlineParser.parse(raw, leaf.segments);
        if (leaf.item) {
            emit(new Block.ListItem(leaf.start, leaf.end, leaf.depth, leaf.quoteDepth, leaf.ordered, leaf.number,
                    content));
        } else {
            emit(new Block.Paragraph(leaf.start, leaf.end, leaf.depth, leaf.quoteDepth, content));
        }
        leaf = null;
    }

    private void emit(Block block) {
        blocks.add(block);
    }

    private int trimEnd(int from, int to) {
        while (to > from && Character.isWhitespace(raw.charAt(to - 1))) {
            to--;
        }
        return to;
    }

    /** Up to {@code max} quote markers ({@code >}, each optionally followed by one space). */
    private QuotePrefix quotePrefix(int lineStart, int lineEnd, int max) {
        int depth = 0;
        int position = lineStart;
        while (depth < max) {
            int marker = position;
            while (marker < lineEnd && marker - position < 3 && raw.charAt(marker) == ' ') {
                marker++;
            }
            if (marker >= lineEnd || raw.charAt(marker) != '>') {
                break;
            }
            depth++;
            position = marker + 1;
            if (position < lineEnd && (raw.charAt(position) == ' ' || raw.charAt(position) == '\t')) {
                position++;
            }
        }
        return new QuotePrefix(depth, position);
    }

    private record QuotePrefix(int depth, int contentStart) {
    }

    /** An open list item at some nesting level, remembered to nest and number the next items. */
    private record ListLevel(int indent, boolean ordered, int number, char delimiter) {
    }

    /** A paragraph or list item whose lines are still being collected. */
    private static final class Leaf {
        final int start;
        final int depth;
        final int quoteDepth;
        final boolean item;
        final boolean ordered;
        final int number;
        final List<Segment> segments = new ArrayList<>();
        int end;

        Leaf(int start, int depth, int quoteDepth, boolean item, boolean ordered, int number) {
            this.start = start;
            this.depth = depth;
            this.quoteDepth = quoteDepth;
            this.item = item;
            this.ordered = ordered;
            this.number = number;
        }

        void add(int from, int to) {
            segments.add(new Segment(from, to));
            end = to;
        }
    }

    /** An open fenced code block. */
    private static final class Fence {
        final int start;
        final int depth;
        final int quoteDepth;
        final char marker;
        final int length;
        final int indent;
        final String language;
        final List<Segment> lines = new ArrayList<>();
        int end;

        Fence(int start, int end, int depth, int quoteDepth, char marker, int length, int indent, String language) {
            this.start = start;
            this.end = end;
            this.depth = depth;
            this.quoteDepth = quoteDepth;
            this.marker = marker;
            this.length = length;
            this.indent = indent;
            this.language = language;
        }
    }
}
