package dev.parley.tts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * Cuts text that is too long for one call into pieces at spaces: preferably at a space after
 * {@code , ; :} in the second half of the allowed length, else at the last space that fits, and
 * only in a run without spaces between two code points. Text that fits is returned as it is; the
 * pieces of text that does not are stripped and never empty.
 */
final class TextPieces {

    private TextPieces() {
    }

    /**
     * @param max the most a piece may weigh
     * @param weight what one code point weighs, e.g. {@link #utf8Bytes}
     */
    static List<String> cut(String text, int max, IntUnaryOperator weight) {
        if (fittingLength(text, max, weight) == text.length()) {
            return List.of(text);
        }
        List<String> pieces = new ArrayList<>();
        String rest = text.strip();
        for (int fit; (fit = fittingLength(rest, max, weight)) < rest.length(); ) {
            int cut = cutPoint(rest, fit);
            pieces.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty()) {
            pieces.add(rest);
        }
        return pieces;
    }

    /** The UTF-8 length of a code point. */
    static int utf8Bytes(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }

    /** Where to cut within the first {@code fit} chars, which hold more than one code point or all there is. */
    private static int cutPoint(String text, int fit) {
        int space = text.lastIndexOf(' ', fit);
        for (int s = space; s > fit / 2; s = text.lastIndexOf(' ', s - 1)) {
            if (",;:".indexOf(text.charAt(s - 1)) >= 0) {
                return s;
            }
        }
        return space > 0 ? space : fit;
    }

    /** The length of the longest prefix of whole code points within {@code max}, at least one code point. */
    private static int fittingLength(String text, int max, IntUnaryOperator weight) {
        int total = 0;
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            total += weight.applyAsInt(c);
            if (total > max) {
                return Math.max(i, Character.charCount(text.codePointAt(0)));
            }
            i += Character.charCount(c);
        }
        return i;
    }
}
