package dev.parley.chat;

import java.util.ArrayList;
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
 *   <li>Inline code loses its backticks. Its content is spoken only when it is a short plain
 *       word or phrase: at most three words and 30 characters, each word starting with a letter
 *       or digit and made only of letters, digits and {@code . _ - + #} ({@code ls},
 *       {@code npm install}, {@code pom.xml}, {@code snake_case}, {@code C++}). Such a span is a
 *       word of the sentence, so a person hears "Run npm install first", not "Run first". Any
 *       other span is dropped whole, since it holds code symbols that a voice would either read
 *       by name or garble: brackets of any kind ({@code equals()}, {@code a[0]}, {@code {}},
 *       {@code List<String>}), operators and separators ({@code x = 1}, {@code a/b},
 *       {@code i++;}, {@code a:b}, {@code a && b}), sigils and quotes ({@code $HOME},
 *       {@code @Override}, {@code 'q'}), or a word starting with a symbol ({@code -rf},
 *       {@code .env}).
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
 *   <li>Any other square bracket is removed and the words inside are kept: "[citation needed]"
 *       is spoken "citation needed", "[[1, 2], [3, 4]]" is spoken "1, 2, 3, 4". The output never
 *       holds a square bracket, because espeak-ng reads {@code [[...]]} as phoneme input.
 *   <li>Bare URLs ({@code http://}, {@code https://}, {@code ftp://}, {@code www.}), autolinks
 *       and {@code mailto:} links are removed entirely; a URL read aloud, even as a host name,
 *       is noise to a listener, who sees the link in the text anyway. A URL takes balanced
 *       parentheses in its path with it ({@code https://en.wikipedia.org/wiki/Mercury_(planet)})
 *       but not the sentence punctuation after it: "Learn more at https://docs.oracle.com/en/."
 *       becomes "Learn more at.". Domain-like words without a scheme or {@code www.}
 *       ({@code example.com}) are kept.
 *   <li>HTML tags and comments are removed; common entities are decoded.
 *   <li>Emoji and pictographs are removed (see {@link Pictographs#strip}).
 *   <li>What removals leave behind is tidied: whitespace is collapsed, empty parentheses are
 *       dropped, a space before punctuation is dropped, a run of clause marks separated by spaces
 *       ("Sources: , , and more") keeps only its first, and a clause mark directly before a
 *       sentence end is dropped. A result without any letter or digit is returned as the empty
 *       string.
 * </ul>
 *
 * <p>Normal punctuation, apostrophes, accented letters, non-Latin scripts, numbers and currency
 * are kept as they are.
 */
public final class SpeechCleaner {

    /*
     * No pattern repeats a group without bound. Java's regex engine recurses once per repetition
     * of a group, so (?:X|Y)* overflows the stack on a line a few thousand characters long (a
     * data URI, a rule, a model repeating itself), while a character class repeats in a loop.
     * Parenthesised parts of URLs and link destinations are therefore limited to eight.
     */
    private static final Pattern FENCE_OPEN = Pattern.compile("^[ \\t]*(`{3,}|~{3,})");
    private static final Pattern HORIZONTAL_RULE = Pattern.compile("^[ \\t]*(?:(?:-[ \\t]*){3}[- \\t]*"
            + "|(?:\\*[ \\t]*){3}[* \\t]*|(?:_[ \\t]*){3}[_ \\t]*)$");
    private static final Pattern SETEXT_UNDERLINE = Pattern.compile("^[ \\t]*=+[ \\t]*$");
    /** Only dashes, colons, pipes and blanks, with at least one dash and one pipe. */
    private static final Pattern TABLE_DELIMITER_ROW = Pattern.compile("^(?=[^|]*\\|)(?=[^-]*-)[-:| \\t]+$");
    private static final Pattern REFERENCE_DEFINITION =
            Pattern.compile("^[ \\t]*\\[[^\\]]+\\]:[ \\t]*\\S+.*$");
    private static final Pattern QUOTE_MARKERS = Pattern.compile("^[ \\t]*>[> \\t]*");
    private static final Pattern HEADER =
            Pattern.compile("^[ \\t]*#{1,6}(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern BULLET = Pattern.compile("^[ \\t]*(?:[-*+]|\\d{1,9}[.)])[ \\t]+");
    private static final Pattern TASK_BOX = Pattern.compile("^\\[[ xX]\\][ \\t]+");
    private static final Pattern TABLE_CELL_SEPARATOR = Pattern.compile("(?<!\\\\)\\|");

    private static final Pattern SPEAKABLE_CODE = Pattern.compile(
            "[\\p{L}\\p{N}][\\p{L}\\p{N}._+#-]*(?: [\\p{L}\\p{N}][\\p{L}\\p{N}._+#-]*){0,2}");
    private static final int SPEAKABLE_CODE_MAX_CHARS = 30;

    private static final Pattern ESCAPED_PUNCTUATION =
            Pattern.compile("\\\\([!-/:-@\\[-`{-~])");
    private static final String LINK_DESTINATION = "\\([^()]*(?:\\([^()]*\\)[^()]*){0,8}\\)";
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\[\\]]*)\\]" + LINK_DESTINATION);
    private static final Pattern LINK = Pattern.compile("\\[([^\\[\\]]*)\\]" + LINK_DESTINATION);
    private static final Pattern REFERENCE_LINK = Pattern.compile("\\[([^\\[\\]]+)\\]\\[[^\\[\\]]*\\]");
    private static final Pattern FOOTNOTE_REFERENCE = Pattern.compile("\\[\\^[^\\[\\]]*\\]");
    private static final Pattern ORPHAN_LINK_TAIL =
            Pattern.compile("\\]\\([^()\\s]*(?:\\([^()\\s]*\\)[^()\\s]*){0,8}\\)");
    private static final Pattern AUTOLINK = Pattern.compile("<(?:https?|ftp|mailto):[^<>\\s]*>");
    private static final Pattern HTML_COMMENT = Pattern.compile("<!--.*?(?:-->|$)");
    private static final Pattern HTML_TAG = Pattern.compile(
            "</?(?:a|abbr|b|blockquote|br|center|code|del|details|div|em|font|h[1-6]|hr|i|img"
                    + "|ins|kbd|li|mark|ol|p|pre|s|small|span|strike|strong|sub|summary|sup"
                    + "|table|tbody|td|th|thead|tr|u|ul)\\b[^<>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final String URL_CHARS = "[^\\s<>()\\[\\]{}\"]*";
    /**
     * A URL, including balanced parentheses in its path; it does not end in sentence punctuation
     * or emphasis, which belong to the text around it. The scheme needs no word boundary before
     * it and {@code www.} may follow an underscore, so that emphasis such as {@code _https://…_}
     * cannot hide a URL.
     */
    private static final Pattern BARE_URL = Pattern.compile(
            "(?:(?:https?|ftp)://|(?<![\\p{L}\\p{N}.-])www\\.)"
                    + "(?:" + URL_CHARS + "(?:\\(" + URL_CHARS + "\\)" + URL_CHARS + "){0,8}"
                    + "(?<![.,;:!?'’”*_~]))?");
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
    private static final Pattern SQUARE_BRACKET = Pattern.compile("[\\[\\]]");
    /** Clause marks separated by spaces, left when the items between them were removed. */
    private static final Pattern CLAUSE_MARK_RUN = Pattern.compile("([,;:]) [ ,;:]*[,;:]");
    /** A clause mark directly before a sentence end, left when what stood between was removed. */
    private static final Pattern DANGLING_CLAUSE_MARK = Pattern.compile("(?<![,;:])[,;:]+([.!?])");
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
        s = AUTOLINK.matcher(s).replaceAll("");
        s = HTML_COMMENT.matcher(s).replaceAll("");
        s = HTML_TAG.matcher(s).replaceAll(" ");
        s = BARE_URL.matcher(s).replaceAll("");
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
                if (content.length() <= SPEAKABLE_CODE_MAX_CHARS
                        && SPEAKABLE_CODE.matcher(content).matches()) {
                    out.append(content);
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
        String s = SQUARE_BRACKET.matcher(text).replaceAll(" ");
        s = WHITESPACE.matcher(s).replaceAll(" ");
        s = EMPTY_PARENTHESES.matcher(s).replaceAll("");
        s = CLAUSE_MARK_RUN.matcher(s).replaceAll("$1");
        s = SPACE_BEFORE_PUNCTUATION.matcher(s).replaceAll("$1");
        s = DANGLING_CLAUSE_MARK.matcher(s).replaceAll("$1");
        s = WHITESPACE.matcher(s).replaceAll(" ").strip();
        return hasLetterOrDigit(s) ? s : "";
    }

    private static boolean hasLetterOrDigit(String text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}
