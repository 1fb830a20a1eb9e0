package dev.parley.chat;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds where the next speech chunk of a streamed reply ends. A pure function of the text seen so
 * far: it never decides a boundary that more text could overturn, but answers {@link #NONE} until
 * the characters it needs have arrived. That is what makes chunking independent of how the reply
 * was split into tokens. The rules are described on {@link SpeechChunker}.
 */
final class SpeechBoundaries {

    /** No boundary can be decided from the text available. */
    static final int NONE = -1;

    /** A candidate that turned out not to be a boundary; scanning goes on. */
    private static final int NO = -2;
    /** Deciding needs characters that have not arrived yet. */
    private static final int NEED_MORE = -3;

    /** Titles before a name: never the end of a sentence. Case-sensitive ("ms" is milliseconds). */
    private static final Set<String> TITLES = Set.of(
            "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "St", "Mt", "Gen", "Col", "Lt", "Capt", "Sgt",
            "Gov", "Sen", "Rev", "Hon", "Pres", "Dept", "Univ");
    /** Abbreviations that are followed by more of the same sentence. */
    private static final Set<String> MID_SENTENCE = Set.of(
            "vs", "cf", "viz", "approx", "esp", "incl", "resp");
    /** Abbreviations that stand before a number ("No. 5", "Fig. 2"); otherwise an ordinary word. */
    private static final Set<String> BEFORE_NUMBER = Set.of(
            "no", "nos", "nr", "fig", "figs", "eq", "eqs", "vol", "vols", "ch", "chap", "sec",
            "sect", "p", "pp", "art", "ref", "op", "para", "ex", "ca");
    /** Abbreviations that often end a sentence: a boundary only when a capital or newline follows. */
    private static final Set<String> SENTENCE_FINAL = Set.of(
            "etc", "inc", "ltd", "co", "corp", "jr", "sr", "al", "bros");
    /**
     * Dotted abbreviations such as e.g, i.e, U.S, a.m, Ph.D (the final period not included). The
     * bounded repetition keeps Java's regex recursion shallow on a long run like "a.a.a.a…".
     */
    private static final Pattern DOTTED = Pattern.compile("(?:\\p{L}{1,2}\\.){1,4}\\p{L}{1,2}");

    private static final String CLOSERS = ")]}\"'”’»*_」』）】";

    private final SpeechChunker.Options options;

    SpeechBoundaries(SpeechChunker.Options options) {
        this.options = options;
    }

    /**
     * Returns the end (exclusive) of the chunk starting at {@code from}, or {@link #NONE}.
     *
     * @param first whether this chunk is the first one with something to say, which may end early
     *     at a clause boundary and is never merged with the next sentence
     * @param complete whether the reply has ended, so that missing look-ahead means end of text
     */
    int findEnd(CharSequence text, int from, boolean first, boolean complete) {
        return new Scan(text, from, first, complete).run();
    }

    /** One pass over the pending text; holds the counts the rules need. */
    private final class Scan {
        private final CharSequence text;
        private final int len;
        private final int from;
        private final int limit;
        private final boolean first;
        private final boolean complete;

        private int words;
        private boolean inCountedWord;
        private boolean content;
        private int lastSpace = -1;
        private int lastClause = -1;
        private int lastIdeograph = -1;
        private boolean overLimit;

        Scan(CharSequence text, int from, boolean first, boolean complete) {
            this.text = text;
            this.len = text.length();
            this.from = from;
            this.limit = from + options.maxChunkChars();
            this.first = first;
            this.complete = complete;
        }

        int run() {
            int i = from;
            while (i < len) {
                if (!overLimit && i > limit) {
                    int cut = longSentenceCut();
                    if (cut != NO) {
                        return cut;
                    }
                    overLimit = true;
                }
                if (i == 0 || text.charAt(i - 1) == '\n') {
                    int fence = fenceEnd(i);
                    if (fence == NEED_MORE) {
                        return NONE;
                    }
                    if (fence >= 0) {
                        return fence;
                    }
                }
                char c = text.charAt(i);
                int result;
                if (Character.isWhitespace(c)) {
                    if (c == '\n' && content) {
                        result = lineBreak(i);
                        if (result != NO) {
                            return result == NEED_MORE ? NONE : result;
                        }
                    }
                    if (overLimit && content) {
                        return i;
                    }
                    if (content && i <= limit) {
                        lastSpace = i;
                    }
                    inCountedWord = false;
                    i++;
                } else if (c == '`') {
                    int after = codeSpanEnd(i);
                    if (after == NEED_MORE) {
                        return NONE;
                    }
                    countWord();
                    i = after;
                } else if (isTerminal(c)) {
                    content = true;
                    int runEnd = i;
                    while (runEnd < len && isTerminal(text.charAt(runEnd))) {
                        runEnd++;
                    }
                    result = sentenceEnd(i, runEnd);
                    if (result == NEED_MORE) {
                        return NONE;
                    }
                    if (result >= 0 && (first || words >= options.laterChunkMinWords())) {
                        return result;
                    }
                    i = runEnd;
                } else if (isFullwidthTerminal(c)) {
                    content = true;
                    int runEnd = i;
                    while (runEnd < len && isFullwidthTerminal(text.charAt(runEnd))) {
                        runEnd++;
                    }
                    result = afterClosers(runEnd);
                    if (result == NEED_MORE) {
                        return NONE;
                    }
                    if (result >= 0 && (first || words >= options.laterChunkMinWords())) {
                        return result;
                    }
                    i = runEnd;
                } else if (isClausePunctuation(c) || isFullwidthClausePunctuation(c)) {
                    content = true;
                    result = afterClosers(i + 1);
                    if (result >= 0 && isClausePunctuation(c)
                            && !Character.isWhitespace(text.charAt(result))) {
                        result = NO;
                    }
                    if (result == NEED_MORE) {
                        return NONE;
                    }
                    if (result >= 0) {
                        if (first && words >= options.firstChunkMinWords()) {
                            return result;
                        }
                        if (result <= limit) {
                            lastClause = result;
                        }
                    }
                    i++;
                } else {
                    int cp = Character.codePointAt(text, i);
                    i += Character.charCount(cp);
                    content = true;
                    if (isIdeographic(cp)) {
                        words++;
                        inCountedWord = false;
                        if (i <= limit) {
                            lastIdeograph = i;
                        }
                    } else if (Character.isLetterOrDigit(cp)) {
                        countWord();
                    }
                }
            }
            return NONE;
        }

        private void countWord() {
            content = true;
            if (!inCountedWord) {
                words++;
                inCountedWord = true;
            }
        }

        /**
         * Where an over-long sentence is cut: a clause boundary in the second half of the window,
         * else the last space (or ideograph, for scripts without spaces) within the limit.
         */
        private int longSentenceCut() {
            if (lastClause > from + options.maxChunkChars() / 2) {
                return lastClause;
            }
            int cut = Math.max(lastSpace, lastIdeograph);
            return cut > from ? cut : NO;
        }

        /** A fenced code block starting at line start {@code i} ends the chunk where it closes. */
        private int fenceEnd(int i) {
            int j = skipBlanks(i);
            if (j == len) {
                return complete ? NO : NEED_MORE;
            }
            char marker = text.charAt(j);
            if (marker != '`' && marker != '~') {
                return NO;
            }
            int opening = runLength(j, marker);
            if (j + opening == len && !complete) {
                return NEED_MORE;
            }
            if (opening < 3) {
                return NO;
            }
            int lineEnd = indexOf('\n', j + opening);
            while (true) {
                if (lineEnd < 0) {
                    return complete ? len : NEED_MORE;
                }
                int k = skipBlanks(lineEnd + 1);
                int run = runLength(k, marker);
                if (run >= opening || k + run == len) {
                    int end = skipBlanks(k + run);
                    if (end == len) {
                        return complete ? len : NEED_MORE;
                    }
                    if (run >= opening && text.charAt(end) == '\n') {
                        return end;
                    }
                }
                lineEnd = indexOf('\n', k);
            }
        }

        /**
         * A line break ends the chunk unless it only wraps a paragraph: the line or the next one
         * is Markdown structure (header, list item, quote, table row, rule, fence), or a blank
         * line follows.
         */
        private int lineBreak(int i) {
            if (isStructureLine(lineStart(i))) {
                return i;
            }
            int k = i + 1;
            while (k < len && isBlank(text.charAt(k))) {
                k++;
            }
            if (k == len) {
                return complete ? NO : NEED_MORE;
            }
            char next = text.charAt(k);
            return next == '\n' || "#>|-*+_`~".indexOf(next) >= 0 || Character.isDigit(next)
                    ? i : NO;
        }

        private boolean isStructureLine(int start) {
            int j = skipBlanks(start);
            char c = charAt(j);
            switch (c) {
                case '#':
                case '>':
                case '|':
                    return true;
                case '-':
                case '*':
                case '+':
                case '_':
                    char next = charAt(j + 1);
                    return (c != '_' && (next == ' ' || next == '\t'))
                            || (next == c && charAt(j + 2) == c);
                default:
                    int k = j;
                    while (Character.isDigit(charAt(k))) {
                        k++;
                    }
                    return k > j && (charAt(k) == '.' || charAt(k) == ')')
                            && (charAt(k + 1) == ' ' || charAt(k + 1) == '\t');
            }
        }

        /** Index after a code span starting at {@code i}, or after its backticks if unmatched on the line. */
        private int codeSpanEnd(int i) {
            int opening = runLength(i, '`');
            int k = i + opening;
            while (true) {
                if (k == len) {
                    return complete ? i + opening : NEED_MORE;
                }
                char c = text.charAt(k);
                if (c == '\n') {
                    return i + opening;
                }
                if (c != '`') {
                    k++;
                    continue;
                }
                int run = runLength(k, '`');
                if (k + run == len && !complete) {
                    return NEED_MORE;
                }
                if (run == opening) {
                    return k + run;
                }
                k += run;
            }
        }

        /** Decides whether the terminal punctuation {@code [i, runEnd)} ends a sentence. */
        private int sentenceEnd(int i, int runEnd) {
            int end = afterClosers(runEnd);
            if (end < 0) {
                return end;
            }
            if (!Character.isWhitespace(text.charAt(end))) {
                return NO;
            }
            for (int k = i; k < runEnd; k++) {
                char c = text.charAt(k);
                if (c == '!' || c == '?') {
                    return unlessContinued(end, false);
                }
            }
            if (runEnd - i == 1 && text.charAt(i) == '.') {
                return period(i, end);
            }
            return unlessContinued(end, true);
        }

        /**
         * {@code end}, unless the next word on the same line continues the sentence: it starts in
         * lower case ("She asked "Really?" and laughed"), or with a digit when {@code digits}.
         */
        private int unlessContinued(int end, boolean digits) {
            int next = nextVisible(end);
            if (next == NEED_MORE) {
                return NEED_MORE;
            }
            if (next == NO) {
                return end;
            }
            char c = text.charAt(next);
            return Character.isLowerCase(c) || (digits && Character.isDigit(c)) ? NO : end;
        }

        /** {@code end} if nothing but a line break or the end of the reply follows on this line. */
        private int atLineEnd(int end) {
            int next = nextVisible(end);
            if (next == NEED_MORE) {
                return NEED_MORE;
            }
            return next == NO || text.charAt(next) == '\n' ? end : NO;
        }

        private int period(int i, int end) {
            int start = i;
            while (start > 0
                    && (Character.isLetter(text.charAt(start - 1)) || text.charAt(start - 1) == '.')) {
                start--;
            }
            while (start < i && text.charAt(start) == '.') {
                start++;
            }
            String word = text.subSequence(start, i).toString();
            if (word.isEmpty()) {
                if (isListMarker(i)) {
                    return NO;
                }
                return isInlineNumber(i) ? atLineEnd(end) : end;
            }
            String lower = word.toLowerCase(Locale.ROOT);
            boolean initial = word.length() == 1 && Character.isUpperCase(word.charAt(0))
                    && !word.equals("I");
            if (initial || DOTTED.matcher(word).matches() || TITLES.contains(word)
                    || MID_SENTENCE.contains(lower)) {
                return NO;
            }
            if (BEFORE_NUMBER.contains(lower) || SENTENCE_FINAL.contains(lower)) {
                int next = nextVisible(end);
                if (next < 0) {
                    return next;
                }
                char c = text.charAt(next);
                boolean continues = BEFORE_NUMBER.contains(lower)
                        ? Character.isDigit(c)
                        : c != '\n' && !Character.isUpperCase(c);
                return continues ? NO : end;
            }
            return end;
        }

        /** Digits alone at the start of a line (after indent or quote markers): "1. First". */
        private boolean isListMarker(int period) {
            int k = period;
            while (k > 0 && Character.isDigit(text.charAt(k - 1))) {
                k--;
            }
            if (k == period) {
                return false;
            }
            for (int j = lineStart(k); j < k; j++) {
                char c = text.charAt(j);
                if (c != ' ' && c != '\t' && c != '>') {
                    return false;
                }
            }
            return true;
        }

        /**
         * One or two digits standing alone before the period in the middle of a line, as in
         * "Top picks: 1. Apples 2. Pears". Longer numbers (years, amounts) end sentences.
         */
        private boolean isInlineNumber(int period) {
            int k = period;
            while (k > 0 && Character.isDigit(text.charAt(k - 1))) {
                k--;
            }
            int digits = period - k;
            return digits >= 1 && digits <= 2 && k > 0 && isBlank(text.charAt(k - 1));
        }

        /** Skips closing quotes, brackets and emphasis; the index after them, or NEED_MORE/NO at the end. */
        private int afterClosers(int k) {
            while (k < len && CLOSERS.indexOf(text.charAt(k)) >= 0) {
                k++;
            }
            if (k == len) {
                return complete ? NO : NEED_MORE;
            }
            return k;
        }

        /** First character after spaces and tabs from {@code k}; a newline counts as visible. */
        private int nextVisible(int k) {
            int n = k;
            while (n < len && isBlank(text.charAt(n))) {
                n++;
            }
            if (n == len) {
                return complete ? NO : NEED_MORE;
            }
            return n;
        }

        private int lineStart(int i) {
            int k = i;
            while (k > 0 && text.charAt(k - 1) != '\n') {
                k--;
            }
            return k;
        }

        private int skipBlanks(int k) {
            while (k < len && isBlank(text.charAt(k))) {
                k++;
            }
            return k;
        }

        private int runLength(int k, char c) {
            int end = k;
            while (end < len && text.charAt(end) == c) {
                end++;
            }
            return end - k;
        }

        private int indexOf(char c, int fromIndex) {
            for (int k = fromIndex; k < len; k++) {
                if (text.charAt(k) == c) {
                    return k;
                }
            }
            return -1;
        }

        private char charAt(int k) {
            return k < len ? text.charAt(k) : '\0';
        }
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r';
    }

    private static boolean isTerminal(char c) {
        return c == '.' || c == '!' || c == '?' || c == '…';
    }

    /** CJK sentence ends, which are not followed by a space. */
    private static boolean isFullwidthTerminal(char c) {
        return c == '。' || c == '！' || c == '？';
    }

    private static boolean isClausePunctuation(char c) {
        return c == ',' || c == ';' || c == ':' || c == '—' || c == '–';
    }

    private static boolean isFullwidthClausePunctuation(char c) {
        return c == '、' || c == '，' || c == '；' || c == '：';
    }

    /** Scripts written without spaces, where each character is counted as a word. */
    private static boolean isIdeographic(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }
}
