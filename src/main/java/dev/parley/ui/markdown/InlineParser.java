package dev.parley.ui.markdown;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the inline Markdown of one block: code spans, emphasis ({@code *}, {@code _}),
 * strikethrough ({@code ~~}), links, images (shown as links with their alt text), autolinks and
 * bare URLs, backslash escapes and line breaks.
 *
 * <p>The block's text comes as segments of the raw string (one per line, container markers and
 * indentation already cut off); they are joined with {@code \n} into one working string, and
 * every position of that string remembers its raw index so each {@link Inline} can report raw
 * offsets. Emphasis follows the CommonMark delimiter rules (flanking, the rule of three), so
 * {@code snake_case} is not italic and {@code 2 * 3 * 4} is not emphasis. Markers without a
 * partner, such as the {@code **} of a bold span still streaming in, stay literal text.
 */
final class InlineParser {

    private final String text;
    /** {@code raw[i]} is the raw index of {@code text.charAt(i)}; {@code raw[length]} the end. */
    private final int[] raw;

    private InlineParser(String text, int[] raw) {
        this.text = text;
        this.raw = raw;
    }

    /** Parses the inline Markdown spread over {@code segments} of {@code markdown}. */
    static List<Inline> parse(String markdown, List<Segment> segments) {
        InlineParser parser = join(markdown, segments);
        return parser.parse(0, parser.text.length(), true);
    }

    /** The segments as literal text separated by line breaks, as in a code block. */
    static List<Inline> verbatim(String markdown, List<Segment> segments) {
        List<Inline> out = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            if (i > 0) {
                append(out, new Inline.LineBreak(segments.get(i - 1).end(), segment.start()));
            }
            if (segment.end() > segment.start()) {
                append(out, new Inline.Text(segment.start(), segment.end(),
                        markdown.substring(segment.start(), segment.end())));
            }
        }
        return out;
    }

    private static InlineParser join(String markdown, List<Segment> segments) {
        int length = segments.size() - 1;
        for (Segment segment : segments) {
            length += segment.end() - segment.start();
        }
        StringBuilder text = new StringBuilder(length);
        int[] raw = new int[length + 1];
        int k = 0;
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            if (i > 0) {
                text.append('\n');
                raw[k++] = segments.get(i - 1).end();
            }
            text.append(markdown, segment.start(), segment.end());
            for (int p = segment.start(); p < segment.end(); p++) {
                raw[k++] = p;
            }
        }
        raw[k] = segments.get(segments.size() - 1).end();
        return new InlineParser(text.toString(), raw);
    }

    private List<Inline> parse(int from, int to, boolean links) {
        List<Object> items = new ArrayList<>();
        int pending = from;
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            Object item = null;
            int next = i + 1;
            if (c == '\\' && i + 1 < to && text.charAt(i + 1) == '\n') {
                item = new Inline.LineBreak(raw[i], raw[i + 2]);
                next = i + 2;
            } else if (c == '\\' && i + 1 < to && isAsciiPunctuation(text.charAt(i + 1))) {
                item = new Inline.Text(raw[i], raw[i + 2], String.valueOf(text.charAt(i + 1)));
                next = i + 2;
            } else if (c == '\n') {
                item = new Inline.LineBreak(raw[i], raw[i + 1]);
            } else if (c == '`') {
                int ticks = runLength(i, to);
                int close = closingBackticks(i + ticks, to, ticks);
                if (close >= 0) {
                    item = codeSpan(i, ticks, close);
                    next = close + ticks;
                } else {
                    next = i + ticks;
                }
            } else if (c == '*' || c == '_' || c == '~') {
                int length = runLength(i, to);
                item = delimiter(c, i, length, from, to);
                next = i + length;
            } else if (links && c == '[') {
                Link link = link(i, i, to);
                if (link != null) {
                    item = link.inline;
                    next = link.next;
                }
            } else if (links && c == '!' && i + 1 < to && text.charAt(i + 1) == '[') {
                Link link = link(i, i + 1, to);
                if (link != null) {
                    item = link.inline;
                    next = link.next;
                }
            } else if (links && c == '<') {
                Link link = autolink(i, to);
                if (link != null) {
                    item = link.inline;
                    next = link.next;
                }
            } else if (links && (c == 'h' || c == 'w' || c == 'f')
                    && (i == from || !Character.isLetterOrDigit(text.charAt(i - 1)))
                    && !text.startsWith("](", i - 2)) {
                // After "](" the address belongs to a link still streaming in, not to the text.
                Link link = bareUrl(i, to);
                if (link != null) {
                    item = link.inline;
                    next = link.next;
                }
            }
            if (item != null) {
                if (pending < i) {
                    items.add(literal(pending, i));
                }
                items.add(item);
                pending = next;
            }
            i = next;
        }
        if (pending < to) {
            items.add(literal(pending, to));
        }
        processEmphasis(items);
        return inlines(items);
    }

    private Inline.Text literal(int from, int to) {
        return new Inline.Text(raw[from], raw[to], text.substring(from, to));
    }

    private int runLength(int i, int to) {
        char c = text.charAt(i);
        int j = i;
        while (j < to && text.charAt(j) == c) {
            j++;
        }
        return j - i;
    }

    /** Index of the next run of exactly {@code ticks} backticks in {@code [from, to)}, or -1. */
    private int closingBackticks(int from, int to, int ticks) {
        int j = from;
        while (j < to) {
            if (text.charAt(j) == '`') {
                int length = runLength(j, to);
                if (length == ticks) {
                    return j;
                }
                j += length;
            } else {
                j++;
            }
        }
        return -1;
    }

    private Inline codeSpan(int open, int ticks, int close) {
        int from = open + ticks;
        int to = close;
        if (to - from >= 2 && isSpaceOrNewline(text.charAt(from)) && isSpaceOrNewline(text.charAt(to - 1))
                && !text.substring(from, to).isBlank()) {
            from++;
            to--;
        }
        // A line ending inside inline code is shown as a space, as CommonMark does.
        List<Inline> children = new ArrayList<>();
        int piece = from;
        for (int j = from; j <= to; j++) {
            if (j == to || text.charAt(j) == '\n') {
                if (piece < j) {
                    append(children, literal(piece, j));
                }
                if (j < to) {
                    append(children, new Inline.Text(raw[j], raw[j + 1], " "));
                }
                piece = j + 1;
            }
        }
        return new Inline.Styled(Inline.Style.CODE, raw[open], raw[close + ticks], children);
    }

    private static boolean isSpaceOrNewline(char c) {
        return c == ' ' || c == '\n';
    }

    /** A delimiter run of {@code *}, {@code _} or {@code ~~}, or null when it can only be text. */
    private Delimiter delimiter(char c, int i, int length, int from, int to) {
        if (c == '~' && length != 2) {
            return null;
        }
        char before = i > from ? text.charAt(i - 1) : ' ';
        char after = i + length < to ? text.charAt(i + length) : ' ';
        boolean leftFlanking = !Character.isWhitespace(after)
                && (!isPunctuation(after) || Character.isWhitespace(before) || isPunctuation(before));
        boolean rightFlanking = !Character.isWhitespace(before)
                && (!isPunctuation(before) || Character.isWhitespace(after) || isPunctuation(after));
        boolean canOpen;
        boolean canClose;
        if (c == '_') {
            canOpen = leftFlanking && (!rightFlanking || isPunctuation(before));
            canClose = rightFlanking && (!leftFlanking || isPunctuation(after));
        } else {
            canOpen = leftFlanking;
            canClose = rightFlanking;
        }
        return canOpen || canClose ? new Delimiter(c, i, length, canOpen, canClose) : null;
    }

    /**
     * Matches closers with openers from left to right, as in the CommonMark "process emphasis"
     * procedure, replacing each matched pair and the items between them by a styled span.
     */
    private void processEmphasis(List<Object> items) {
        int i = 0;
        while (i < items.size()) {
            if (!(items.get(i) instanceof Delimiter closer) || !closer.canClose) {
                i++;
                continue;
            }
            int openerIndex = opener(items, i, closer);
            if (openerIndex < 0) {
                i++;
                continue;
            }
            Delimiter opener = (Delimiter) items.get(openerIndex);
            int use = closer.c == '~' || closer.length >= 2 && opener.length >= 2 ? 2 : 1;
            Inline.Style style = closer.c == '~' ? Inline.Style.STRIKETHROUGH
                    : use == 2 ? Inline.Style.BOLD : Inline.Style.ITALIC;
            List<Object> inside = items.subList(openerIndex + 1, i);
            Inline styled = new Inline.Styled(style, raw[opener.position + opener.length - use],
                    raw[closer.position + use], inlines(inside));
            inside.clear();
            items.add(openerIndex + 1, styled);
            opener.length -= use;
            closer.position += use;
            closer.length -= use;
            i = openerIndex + 2;
            if (opener.length == 0) {
                items.remove(openerIndex);
                i--;
            }
            if (closer.length == 0) {
                items.remove(i);
            }
        }
    }

    private static int opener(List<Object> items, int closerIndex, Delimiter closer) {
        for (int j = closerIndex - 1; j >= 0; j--) {
            if (items.get(j) instanceof Delimiter opener && opener.c == closer.c && opener.canOpen
                    && opener.length > 0 && !(closer.c == '~' && opener.length < 2)
                    && !ruleOfThree(opener, closer)) {
                return j;
            }
        }
        return -1;
    }

    private static boolean ruleOfThree(Delimiter opener, Delimiter closer) {
        return (opener.canClose || closer.canOpen)
                && (opener.originalLength + closer.originalLength) % 3 == 0
                && !(opener.originalLength % 3 == 0 && closer.originalLength % 3 == 0);
    }

    /** The items as inlines: leftover delimiters become literal text, adjacent text merges. */
    private List<Inline> inlines(List<Object> items) {
        List<Inline> out = new ArrayList<>(items.size());
        for (Object item : items) {
            if (item instanceof Delimiter delimiter) {
                append(out, literal(delimiter.position, delimiter.position + delimiter.length));
            } else {
                append(out, (Inline) item);
            }
        }
        return out;
    }

    /** Adds {@code inline}, merging it into a preceding text that it continues character by character. */
    private static void append(List<Inline> out, Inline inline) {
        if (!out.isEmpty() && out.get(out.size() - 1) instanceof Inline.Text previous
                && inline instanceof Inline.Text next && previous.end() == next.start()
                && isAligned(previous) && isAligned(next)) {
            out.set(out.size() - 1,
                    new Inline.Text(previous.start(), next.end(), previous.text() + next.text()));
        } else {
            out.add(inline);
        }
    }

    private static boolean isAligned(Inline.Text text) {
        return text.text().length() == text.end() - text.start();
    }

    /**
     * A link or image whose {@code [} is at {@code bracket} ({@code start} is the {@code !} of an
     * image), or null when the text there is not a complete link yet.
     */
    private Link link(int start, int bracket, int to) {
        int close = closingBracket(bracket + 1, to);
        if (close < 0 || close + 1 >= to || text.charAt(close + 1) != '(') {
            return null;
        }
        int k = skipSpaces(close + 2, to);
        String url;
        if (k < to && text.charAt(k) == '<') {
            int end = text.indexOf('>', k);
            if (end < 0 || end >= to || text.substring(k, end).indexOf('\n') >= 0) {
                return null;
            }
            url = text.substring(k + 1, end);
            k = end + 1;
        } else {
            int urlStart = k;
            int parens = 0;
            while (k < to) {
                char c = text.charAt(k);
                if (Character.isWhitespace(c) || c == ')' && parens == 0) {
                    break;
                }
                if (c == '\\' && k + 1 < to) {
                    k++;
                } else if (c == '(') {
                    parens++;
                } else if (c == ')') {
                    parens--;
                }
                k++;
            }
            url = text.substring(urlStart, k);
        }
        k = skipSpaces(k, to);
        if (k < to && (text.charAt(k) == '"' || text.charAt(k) == '\'' || text.charAt(k) == '(')) {
            char closing = text.charAt(k) == '(' ? ')' : text.charAt(k);
            int end = text.indexOf(closing, k + 1);
            if (end < 0 || end >= to) {
                return null;
            }
            k = skipSpaces(end + 1, to);
        }
        if (k >= to || text.charAt(k) != ')') {
            return null;
        }
        List<Inline> children = parse(bracket + 1, close, false);
        return new Link(new Inline.Link(raw[start], raw[k + 1], url, false, children), k + 1);
    }

    /** Index of the {@code ]} closing a bracket opened before {@code from}, or -1. */
    private int closingBracket(int from, int to) {
        int depth = 0;
        int j = from;
        while (j < to) {
            char c = text.charAt(j);
            if (c == '\\') {
                j += 2;
                continue;
            }
            if (c == '`') {
                int ticks = runLength(j, to);
                int close = closingBackticks(j + ticks, to, ticks);
                j = close >= 0 ? close + ticks : j + ticks;
                continue;
            }
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                if (depth == 0) {
                    return j;
                }
                depth--;
            }
            j++;
        }
        return -1;
    }

    private int skipSpaces(int k, int to) {
        while (k < to && (text.charAt(k) == ' ' || text.charAt(k) == '\t' || text.charAt(k) == '\n')) {
            k++;
        }
        return k;
    }

    /** {@code <scheme:...>} or {@code <user@host>} at {@code open}, or null. */
    private Link autolink(int open, int to) {
        int k = open + 1;
        while (k < to && text.charAt(k) != '>' && text.charAt(k) != '<'
                && !Character.isWhitespace(text.charAt(k))) {
            k++;
        }
        if (k >= to || text.charAt(k) != '>' || k == open + 1) {
            return null;
        }
        String address = text.substring(open + 1, k);
        String url;
        if (address.matches("[A-Za-z][A-Za-z0-9+.-]{1,31}:.*")) {
            url = address;
        } else if (address.matches("[^@]+@[^@]+\\.[^@]+")) {
            url = "mailto:" + address;
        } else {
            return null;
        }
        Inline shown = new Inline.Text(raw[open + 1], raw[k], address);
        return new Link(new Inline.Link(raw[open], raw[k + 1], url, true, List.of(shown)), k + 1);
    }

    /** A bare {@code http://}, {@code https://}, {@code ftp://} or {@code www.} URL, or null. */
    private Link bareUrl(int start, int to) {
        int prefix;
        if (text.startsWith("https://", start)) {
            prefix = 8;
        } else if (text.startsWith("http://", start) || text.startsWith("ftp://", start)) {
            prefix = text.charAt(start) == 'h' ? 7 : 6;
        } else if (text.startsWith("www.", start)) {
            prefix = 4;
        } else {
            return null;
        }
        int end = start;
        while (end < to && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '<'
                && text.charAt(end) != '>') {
            end++;
        }
        end = trimUrlEnd(start, end);
        if (end <= start + prefix) {
            return null;
        }
        String address = text.substring(start, end);
        String url = address.startsWith("www.") ? "http://" + address : address;
        Inline shown = new Inline.Text(raw[start], raw[end], address);
        return new Link(new Inline.Link(raw[start], raw[end], url, true, List.of(shown)), end);
    }

    /** Drops trailing punctuation and an unbalanced {@code )} that belong to the sentence. */
    private int trimUrlEnd(int start, int end) {
        while (end > start) {
            char last = text.charAt(end - 1);
            if (".,:;!?'\"*_~".indexOf(last) >= 0) {
                end--;
            } else if (last == ')' && count(start, end, '(') < count(start, end, ')')) {
                end--;
            } else {
                return end;
            }
        }
        return end;
    }

    private int count(int from, int to, char c) {
        int n = 0;
        for (int j = from; j < to; j++) {
            if (text.charAt(j) == c) {
                n++;
            }
        }
        return n;
    }

    private static boolean isAsciiPunctuation(char c) {
        return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`'
                || c >= '{' && c <= '~';
    }

    private static boolean isPunctuation(char c) {
        if (isAsciiPunctuation(c)) {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION,
                    Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    /** A parsed link and the working-string index just after it. */
    private record Link(Inline inline, int next) {
    }

    /** A run of emphasis markers still waiting for a partner; shrinks as pairs are matched. */
    private static final class Delimiter {
        final char c;
        final int originalLength;
        final boolean canOpen;
        final boolean canClose;
        int position;
        int length;

        Delimiter(char c, int position, int length, boolean canOpen, boolean canClose) {
            this.c = c;
            this.position = position;
            this.length = length;
            this.originalLength = length;
            this.canOpen = canOpen;
            this.canClose = canClose;
        }
    }
}
