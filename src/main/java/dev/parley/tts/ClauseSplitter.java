package dev.parley.tts;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into clauses where espeak-ng's reader ({@code ReadClause}) ends one, and says how each
 * ended, so that the phonemizer can put back the punctuation Piper puts back (the espeak-ng command
 * line prints phonemes without it).
 *
 * <p>The rules follow espeak-ng: a clause punctuation character ends a clause when whitespace, a
 * bracket or quote, or the end of the text follows, and only once the clause holds a letter or
 * digit. Of a run of punctuation ({@code ?!}, {@code !!!}) the first character decides. Closing
 * quotes and brackets after it belong to the next clause. Three or more dots are an ellipsis. A full
 * stop followed on the same line by a lower-case word ends no clause (it ends an abbreviation, as in
 * {@code e.g. this}); nor does one before {@code 's}. CJK and full-width punctuation needs no space
 * after it. A blank line ends a sentence, also after punctuation, which Piper then drops; a single
 * line break is a space.
 *
 * <p>Clauses longer than {@link #MAX_CLAUSE_BYTES} of UTF-8 are cut at spaces (or, in a run without
 * spaces, between code points), because the espeak-ng command line reads input lines with a
 * 1000-byte buffer and cuts longer ones anywhere, even inside a character. Where espeak-ng still
 * splits differently (e.g. scripts whose punctuation is not listed here), the phonemizer notices
 * by the line count and falls back to one call per clause.
 */
final class ClauseSplitter {

    /** Well below the command line's 1000-byte line buffer and espeak-ng's own clause buffer. */
    static final int MAX_CLAUSE_BYTES = 600;

    /** How espeak-ng reports a clause's end, reduced to what Piper distinguishes. */
    enum Terminator {
        PERIOD(true),
        QUESTION(true),
        EXCLAMATION(true),
        COMMA(false),
        COLON(false),
        /** Also a dash ({@code —} or {@code –}) followed by a space. */
        SEMICOLON(false),
        /** A sentence end Piper puts nothing back for: a blank line, {@code 。！？}, the end of the text. */
        SENTENCE(true),
        /** A clause end Piper puts nothing back for: an ellipsis, {@code 、，：；}, a clause cut for length. */
        CLAUSE(false);

        private final boolean endsSentence;

        Terminator(boolean endsSentence) {
            this.endsSentence = endsSentence;
        }

        boolean endsSentence() {
            return endsSentence;
        }
    }

    /**
     * One clause.
     *
     * @param text the clause with its punctuation, whitespace collapsed to single spaces, never blank
     * @param terminator how it ended
     */
    record Clause(String text, Terminator terminator) {
    }

    private final String text;
    private final List<Clause> clauses = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private boolean anyLetterOrDigit;

    private ClauseSplitter(String text) {
        this.text = text;
    }

    static List<Clause> split(String text) {
        ClauseSplitter splitter = new ClauseSplitter(text);
        splitter.run();
        return splitter.clauses;
    }

    private void run() {
        int n = text.length();
        int i = 0;
        while (i < n) {
            int c = text.codePointAt(i);
            if (Character.isWhitespace(c)) {
                int end = skipWhitespace(i);
                if (newlines(i, end) >= 2) {
                    emit(Terminator.SENTENCE);
                } else {
                    current.append(' ');
                }
                i = end;
                continue;
            }
            Punctuation punctuation = punctuationAt(i);
            if (punctuation == null) {
                anyLetterOrDigit |= Character.isLetterOrDigit(c);
                current.appendCodePoint(c);
                i += Character.charCount(c);
                continue;
            }
            int runEnd = punctuation.end();
            for (Punctuation more; runEnd < n && (more = punctuationAt(runEnd)) != null; ) {
                runEnd = more.end();
            }
            current.append(text, i, runEnd);
            i = runEnd;
            if (!anyLetterOrDigit || !endsClause(punctuation, runEnd)) {
                continue;
            }
            int next = skipWhitespace(runEnd);
            int newlines = newlines(runEnd, next);
            if (newlines == 0 && c == '.' && !punctuation.ellipsis() && abbreviationFollows(next)) {
                continue;
            }
            // At a blank line espeak-ng ends a sentence whatever the punctuation; Piper then puts none back.
            emit(newlines >= 2 ? Terminator.SENTENCE : punctuation.terminator());
            i = next;
        }
        emit(Terminator.SENTENCE);
    }

    /** What may follow the punctuation for it to end the clause. */
    private boolean endsClause(Punctuation punctuation, int after) {
        if (after == text.length() || punctuation.noSpaceNeeded()) {
            return true;
        }
        int c = text.codePointAt(after);
        return Character.isWhitespace(c) || isBracket(c);
    }

    /** A lower-case word, or the {@code 's} of an acronym such as {@code U.S.A.'s}, starts at {@code at}. */
    private boolean abbreviationFollows(int at) {
        return at < text.length()
                && (Character.isLowerCase(text.codePointAt(at)) || text.startsWith("'s", at));
    }

    private void emit(Terminator terminator) {
        String clause = current.toString().strip();
        current.setLength(0);
        anyLetterOrDigit = false;
        if (clause.isEmpty()) {
            return;
        }
        for (String piece : TextPieces.cut(clause, MAX_CLAUSE_BYTES, TextPieces::utf8Bytes)) {
            clauses.add(new Clause(piece, Terminator.CLAUSE));
        }
        Clause last = clauses.remove(clauses.size() - 1);
        clauses.add(new Clause(last.text(), terminator));
    }

    private int skipWhitespace(int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private int newlines(int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            count += text.charAt(i) == '\n' ? 1 : 0;
        }
        return count;
    }

    /**
     * A clause punctuation character at {@code at}: how it ends a clause and where it ends; three or
     * more dots count as one ellipsis.
     */
    private Punctuation punctuationAt(int at) {
        int c = text.codePointAt(at);
        if (c == '.' && text.startsWith("...", at)) {
            int end = at;
            while (end < text.length() && text.charAt(end) == '.') {
                end++;
            }
            return new Punctuation(Terminator.CLAUSE, true, true, end);
        }
        int end = at + Character.charCount(c);
        return switch (c) {
            case '.', '\u0589', '\u0964', '\u06D4', '\u1362' -> new Punctuation(Terminator.PERIOD, false, false, end);
            case '?', '\u2047', '\u037E', '\u061F' -> new Punctuation(Terminator.QUESTION, false, false, end);
            case '!', '\u203C' -> new Punctuation(Terminator.EXCLAMATION, false, false, end);
            case ',', '\u060C' -> new Punctuation(Terminator.COMMA, false, false, end);
            case ':' -> new Punctuation(Terminator.COLON, false, false, end);
            case ';', '\u2014', '\u2013', '\u0387', '\u061B' -> new Punctuation(Terminator.SEMICOLON, false, false, end);
            case '\u2026' -> new Punctuation(Terminator.CLAUSE, true, true, end);
            case '\u00A1', '\u00BF', '\u3001', '\uFF0C', '\uFF1A', '\uFF1B' ->
                    new Punctuation(Terminator.CLAUSE, true, false, end);
            case '\u3002', '\uFF01', '\uFF1F', '\uFF0E' -> new Punctuation(Terminator.SENTENCE, true, false, end);
            default -> null;
        };
    }

    /** espeak-ng's brackets and quotes, which end a clause after punctuation as a space does. */
    private static boolean isBracket(int c) {
        return (c >= '\u2018' && c <= '\u201F') || "()[]{}<>\"'`«»《》".indexOf(c) >= 0;
    }

    /**
     * @param noSpaceNeeded ends a clause whatever follows (espeak-ng's "optional space after")
     * @param ellipsis three or more dots or {@code …}
     * @param end the index after it
     */
    private record Punctuation(Terminator terminator, boolean noSpaceNeeded, boolean ellipsis, int end) {
    }
}
