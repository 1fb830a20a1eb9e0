package dev.parley.tts;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into clauses where espeak-ng ends one, so that each clause's phonemes can be paired
 * with the punctuation that ended it (the espeak-ng command line prints the phonemes without it).
 *
 * <p>The rules follow espeak-ng's own reader: a run of {@code . , ? ! : ; …}, optionally followed by
 * closing quotes or brackets, ends a clause when whitespace or the end of the text follows; a full
 * stop followed on the same line by a lower-case word does not (it ends an abbreviation, as in
 * {@code e.g. this}); a dash between spaces ends a clause; a blank line ends one; a single line
 * break is a space. Where espeak-ng still splits differently (e.g. CJK punctuation), the
 * phonemizer notices by the line count and falls back to one call per clause.
 */
final class ClauseSplitter {

    /**
     * One clause.
     *
     * @param text the clause, whitespace collapsed to single spaces, never blank
     * @param terminator its last character, which tells Piper which punctuation to put back
     */
    record Clause(String text, int terminator) {
    }

    private ClauseSplitter() {
    }

    static List<Clause> split(String text) {
        List<Clause> clauses = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (isPunctuation(c)) {
                int end = i;
                while (end < n && isPunctuation(text.charAt(end))) {
                    end++;
                }
                boolean singleFullStop = end - i == 1 && c == '.';
                while (end < n && isCloser(text.charAt(end))) {
                    end++;
                }
                current.append(text, i, end);
                i = end;
                if (end == n || Character.isWhitespace(text.charAt(end))) {
                    if (!(singleFullStop && abbreviationFollows(text, end))) {
                        emit(current, clauses);
                    }
                }
            } else if (isDash(c) && i > 0 && Character.isWhitespace(text.charAt(i - 1))
                    && (i + 1 == n || Character.isWhitespace(text.charAt(i + 1)))) {
                current.append(c);
                emit(current, clauses);
                i++;
            } else if (Character.isWhitespace(c)) {
                int newlines = 0;
                while (i < n && Character.isWhitespace(text.charAt(i))) {
                    newlines += text.charAt(i) == '\n' ? 1 : 0;
                    i++;
                }
                if (newlines >= 2) {
                    emit(current, clauses);
                } else {
                    current.append(' ');
                }
            } else {
                current.append(c);
                i++;
            }
        }
        emit(current, clauses);
        return clauses;
    }

    /** A lower-case word after the spaces at {@code from}, on the same line. */
    private static boolean abbreviationFollows(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            if (text.charAt(i) == '\n') {
                return false;
            }
            i++;
        }
        return i < text.length() && Character.isLowerCase(text.codePointAt(i));
    }

    private static void emit(StringBuilder current, List<Clause> clauses) {
        String clause = current.toString().strip();
        current.setLength(0);
        if (!clause.isEmpty()) {
            clauses.add(new Clause(clause, clause.codePointBefore(clause.length())));
        }
    }

    private static boolean isPunctuation(char c) {
        return c == '.' || c == ',' || c == '?' || c == '!' || c == ':' || c == ';' || c == '…';
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}' || c == '”' || c == '’' || c == '»';
    }

    private static boolean isDash(char c) {
        return c == '—' || c == '–';
    }
}
