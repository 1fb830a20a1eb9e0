package dev.parley.chat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a piece of a Markdown reply into the plain text a speech engine should say. Stateless and
 * thread-safe.
 *
 * <p>The input is usually one {@link SpeechChunker} chunk, so it may start or end in the middle of
 * a line and its emphasis markers may be unbalanced (a {@code **} opened in one chunk and closed
 * in the next); no markup symbol is read aloud in either case. What is removed and what is kept:
 *
 * <ul>
 *   <li>Fenced code blocks ({@code ```} or {@code ~~~}, closed or not) are dropped entirely.
 *   <li>Inline code loses its backticks. Its content is kept only when it reads as a short plain
 *       phrase: at most three words and 30 characters, each word starting with a letter or digit
 *       and made of letters, digits and {@code . _ - + #} ({@code ls}, {@code npm install},
 *       {@code pom.xml}, {@code C++}), optionally followed by {@code ()} which is not spoken
 *       ({@code equals()} becomes {@code equals}); anything else ({@code foo(bar)},
 *       {@code rm -rf /}, {@code x = 1}) is dropped.
 *   <li>Emphasis markers {@code *}, {@code **}, {@code ~~} are removed wherever they are;
 *       {@code _}/{@code __} are removed unless they sit between two letters or digits, so
 *       {@code snake_case} survives. A {@code *} between two numbers is multiplication and becomes
 *       {@code ×}, which voices read as "times" in their own language.
 *   <li>Headers keep their text; header lines, list items and table rows that do not end in
 *       punctuation get a period so the voice pauses after them.
 *   <li>List bullets ({@code -}, {@code *}, {@code +}, {@code 1.}, {@code 1)}, task boxes),
 *       block-quote markers, horizontal rules, setext underlines, table pipes and delimiter rows,
 *       and link reference definitions are removed; table cells are joined with commas.
 *   <li>{@code [text](url)} and {@code [text][ref]} become {@code text}; {@code ![alt](url)}
 *       becomes its alt text; the orphaned half of a link cut by a chunk boundary is removed.
 *   <li>Bare URLs ({@code http://}, {@code https://}, {@code ftp://}, {@code www.}) and autolinks
 *       are replaced by their host name without {@code www.}: "Learn more at
 *       https://docs.oracle.com/en/java/." becomes "Learn more at docs.oracle.com.", which says
 *       where the link goes without reading a path aloud; a plain "link" or nothing would leave
 *       such sentences without an object. {@code mailto:} links are removed. Domain-like words
 *       without a scheme ({@code example.com}) are kept.
 *   <li>HTML tags and comments are removed; common entities are decoded.
 *   <li>Emoji and pictographs are removed (see {@link Pictographs#strip}).
 *   <li>Whitespace is collapsed and a space left before punctuation by a removal is dropped. A
 *       result without any letter or digit is returned as the empty string.
 * </ul>
 *
 * <p>Normal punctuation, apostrophes, accented letters, non-Latin scripts, numbers and currency
 * are kept as they are.
 */
public final class SpeechCleaner {

    private static final Pattern FENCE_OPEN = Pattern.compile("^[ \\t]*(`{3,}|~{3,})");
    private static final Pattern HORIZONTAL_RULE =
            Pattern.compile("^[ \\t]*([-*_])(?:[ \\t]*\\1){2,}[ \\t]*$");
    private static final Pattern SETEXT_UNDERLINE = Pattern.compile("^[ \\t]*=+[ \\t]*$");
    private static final Pattern TABLE_DELIMITER_ROW =
            Pattern.compile("^[ \\t]*\\|?(?:[ \\t]*:?-+:?[ \\t]*\\|)+(?:[ \\t]*:?-+:?[ \\t]*)?$"
                    + "|^[ \\t]*:?-+:?[ \\t]*(?:\\|[ \\t]*:?-+:?[ \\t]*)+\\|?[ \\t]*$");
    private static final Pattern REFERENCE_DEFINITION =
            Pattern.compile("^[ \\t]*\\[[^\\]]+\\]:[ \\t]*\\S+.*$");
    private static final Pattern QUOTE_MARKERS = Pattern.compile("^[ \\t]*(?:>[ \\t]?)+");
    private static final Pattern HEADER =
            Pattern.compile("^[ \\t]*#{1,6}(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern BULLET = Pattern.compile("^[ \\t]*(?:[-*+]|\\d{1,9}[.)])[ \\t]+");
    private static final Pattern TASK_BOX = Pattern.compile("^\\[[ xX]\\][ \\t]+");
    private static final Pattern TABLE_CELL_SEPARATOR = Pattern.compile("(?<!\\\\)\\|");

    private static final Pattern SPEAKABLE_CODE = Pattern.compile(
            "([\\p{L}\\p{N}][\\p{L}\\p{N}._+#-]*(?: [\\p{L}\\p{N}][\\p{L}\\p{N}._+#-]*){0,2})(?:\\(\\))?");
    private static final int SPEAKABLE_CODE_MAX_CHARS = 30;

    private static final Pattern ESCAPED_PUNCTUATION =
            Pattern.compile("\\\\([!-/:-@\\[-`{-~])");
    private static final String LINK_DESTINATION = "\\((?:[^()]|\\([^()]*\\))*\\)";
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\[\\]]*)\\]" + LINK_DESTINATION);
    private static final Pattern LINK = Pattern.compile("\\[([^\\[\\]]*)\\]" + LINK_DESTINATION);
    private static final Pattern REFERENCE_LINK = Pattern.compile("\\[([^\\[\\]]+)\\]\\[[^\\[\\]]*\\]");
    private static final Pattern FOOTNOTE_REFERENCE = Pattern.compile("\\[\\^[^\\[\\]]*\\]");
    private static final Pattern ORPHAN_LINK_TAIL =
            Pattern.compile("\\]\\((?:[^()\\s]|\\([^()\\s]*\\))*\\)");
    private static final Pattern AUTOLINK = Pattern.compile("<((?:https?|ftp|mailto):[^<>\\s]*)>");
    private static final Pattern HTML_COMMENT = Pattern.compile("<!--.*?(?:-->|$)");
    private static final Pattern HTML_TAG = Pattern.compile(
            "</?(?:a|abbr|b|blockquote|br|center|code|del|details|div|em|font|h[1-6]|hr|i|img"
                    + "|ins|kbd|li|mark|ol|p|pre|s|small|span|strike|strong|sub|summary|sup"
                    + "|table|tbody|td|th|thead|tr|u|ul)\\b[^<>]*>",
            Pattern.CASE_INSENSITIVE);
    /** A URL with its host name in group 1; sentence punctuation after it is not part of it. */
    private static final Pattern BARE_URL = Pattern.compile(
            "\\b(?:(?:https?|ftp)://|(?=www\\.))(?:[^\\s/@]*@)?(?:www\\.)?"
                    + "([\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*)"
                    + "(?:[^\\s<>()\\[\\]{}\"]*[^\\s<>()\\[\\]{}\".,;:!?'’”*_~])?");
    private static final Pattern MAILTO = Pattern.compile("\\bmailto:\\S*");
    private static final Pattern ENTITY = Pattern.compile(
            "&(?:(amp|lt|gt|quot|apos|nbsp)|#(\\d{1,7})|#[xX]([0-9a-fA-F]{1,6}));");
    private static final Map<String, String> NAMED_ENTITIES = Map.of(
            "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", " ");
    private static final Pattern MULTIPLICATION = Pattern.compile("(\\d)[ \\t]*\\*[ \\t]*(?=\\d)");
    private static final Pattern EMPHASIS_UNDERSCORES =
            Pattern.compile("(?<![\\p{L}\\p{N}])_+|_+(?![\\p{L}\\p{N}])");

    private static final Pattern WHITESPACE = Pattern.compile("(?U)\\s+");
    private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile(" +([.,;:!?…])");
    private static final Pattern EMPTY_PARENTHESES = Pattern.compile("\\( *\\)");
    /** A clause mark directly before a sentence end, left when what stood between was removed. */
    private static final Pattern DANGLING_CLAUSE_MARK = Pattern.compile("[,;:]+([.!?])");
    private static final String PAUSING_PUNCTUATION = ".!?…:;,。！？";
    private static final String CLOSING_MARKS = ")]}\"'”’»」』）";

    private SpeechCleaner() {
    }

    /** Returns what should be spoken for {@code markdown}; empty when there is nothing to say. */
    public static String clean(String markdown) {
        StringBuilder spoken = new StringBuilder(markdown.length());
        String fence = null;
        for (String line : markdown.split("\\R", -1)) {
            if (fence != null) {
                if (closesFence(line, fence)) {
                    fence = null;
                }
                continue;
            }
            Matcher open = FENCE_OPEN.matcher(line);
            if (open.lookingAt()) {
                fence = open.group(1);
                continue;
            }
            spoken.append(' ').append(cleanLine(line));
        }
        return tidy(spoken.toString());
    }

    private static boolean closesFence(String line, String fence) {
        String trimmed = line.strip();
        if (trimmed.length() < fence.length()) {
            return false;
        }
        char marker = fence.charAt(0);
        return trimmed.chars().allMatch(c -> c == marker);
    }

    private static String cleanLine(String line) {
        if (HORIZONTAL_RULE.matcher(line).matches()
                || SETEXT_UNDERLINE.matcher(line).matches()
                || TABLE_DELIMITER_ROW.matcher(line).matches()
                || REFERENCE_DEFINITION.matcher(line).matches()) {
            return "";
        }
        String text = QUOTE_MARKERS.matcher(line).replaceFirst("");
        Matcher header = HEADER.matcher(text);
        Matcher bullet = BULLET.matcher(text);
        String spoken;
        if (header.matches()) {
            spoken = header.group(1) == null ? "" : inline(header.group(1));
        } else if (bullet.lookingAt()) {
            spoken = inline(TASK_BOX.matcher(text.substring(bullet.end())).replaceFirst(""));
        } else if (text.strip().startsWith("|")) {
            spoken = tableRow(text);
        } else {
            return inline(text);
        }
        return endWithPause(spoken);
    }

    private static String tableRow(String row) {
        List<String> cells = new ArrayList<>();
        for (String cell : TABLE_CELL_SEPARATOR.split(row.strip())) {
            String spoken = inline(cell);
            if (hasLetterOrDigit(spoken)) {
                cells.add(spoken);
            }
        }
        return String.join(", ", cells);
    }

    private static String endWithPause(String spoken) {
        String text = spoken.strip();
        int last = text.length() - 1;
        while (last >= 0 && CLOSING_MARKS.indexOf(text.charAt(last)) >= 0) {
            last--;
        }
        if (last < 0 || PAUSING_PUNCTUATION.indexOf(text.charAt(last)) >= 0) {
            return text;
        }
        return text + ".";
    }

    private static String inline(String text) {
        String s = codeSpans(text);
        s = ESCAPED_PUNCTUATION.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        s = IMAGE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        s = LINK.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        s = REFERENCE_LINK.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        s = FOOTNOTE_REFERENCE.matcher(s).replaceAll("");
        s = ORPHAN_LINK_TAIL.matcher(s).replaceAll("");
        s = unmatchedBrackets(s);
        s = AUTOLINK.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        s = HTML_COMMENT.matcher(s).replaceAll("");
        s = HTML_TAG.matcher(s).replaceAll(" ");
        s = BARE_URL.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        s = MAILTO.matcher(s).replaceAll("");
        s = decodeEntities(s);
        s = MULTIPLICATION.matcher(s).replaceAll("$1 × ");
        s = s.replace("~~", "").replace("*", "");
        s = EMPHASIS_UNDERSCORES.matcher(s).replaceAll("");
        return Pictographs.strip(s);
    }

    /** Replaces each code span by its content when speakable, else by nothing; drops stray backticks. */
    private static String codeSpans(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '`') {
                out.append(c);
                i++;
                continue;
            }
            int run = backtickRun(text, i);
            int close = closingRun(text, i + run, run);
            if (close < 0) {
                i += run;
            } else {
                String content = text.substring(i + run, close).strip();
                Matcher speakable = SPEAKABLE_CODE.matcher(content);
                if (content.length() <= SPEAKABLE_CODE_MAX_CHARS && speakable.matches()) {
                    out.append(speakable.group(1));
                }
                i = close + run;
            }
        }
        return out.toString();
    }

    private static int closingRun(String text, int from, int length) {
        int i = from;
        while (i < text.length()) {
            if (text.charAt(i) == '`') {
                int run = backtickRun(text, i);
                if (run == length) {
                    return i;
                }
                i += run;
            } else {
                i++;
            }
        }
        return -1;
    }

    private static int backtickRun(String text, int from) {
        int end = from;
        while (end < text.length() && text.charAt(end) == '`') {
            end++;
        }
        return end - from;
    }

    /** Drops square brackets left without a partner, typically a link cut by a chunk boundary. */
    private static String unmatchedBrackets(String text) {
        boolean[] drop = new boolean[text.length()];
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[') {
                open.push(i);
            } else if (c == ']') {
                if (open.isEmpty()) {
                    drop[i] = true;
                } else {
                    open.pop();
                }
            }
        }
        open.forEach(i -> drop[i] = true);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!drop[i]) {
                out.append(text.charAt(i));
            }
        }
        return out.toString();
    }

    private static String decodeEntities(String text) {
        return ENTITY.matcher(text).replaceAll(m -> {
            if (m.group(1) != null) {
                return Matcher.quoteReplacement(NAMED_ENTITIES.get(m.group(1)));
            }
            int cp = m.group(2) != null
                    ? Integer.parseInt(m.group(2))
                    : Integer.parseInt(m.group(3), 16);
            return Character.isValidCodePoint(cp) && !Character.isISOControl(cp)
                    ? Matcher.quoteReplacement(Character.toString(cp))
                    : "";
        });
    }

    private static String tidy(String text) {
        String s = WHITESPACE.matcher(text).replaceAll(" ");
        s = EMPTY_PARENTHESES.matcher(s).replaceAll("");
        s = SPACE_BEFORE_PUNCTUATION.matcher(s).replaceAll("$1");
        s = DANGLING_CLAUSE_MARK.matcher(s).replaceAll("$1");
        s = WHITESPACE.matcher(s).replaceAll(" ").strip();
        return hasLetterOrDigit(s) ? s : "";
    }

    private static boolean hasLetterOrDigit(String text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}
