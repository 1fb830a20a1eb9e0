package dev.parley.chat;

import java.util.Arrays;

/**
 * Emoji and other pictographs, which a speech engine would either skip or read out by their
 * Unicode names. Java 17 has no public API for the Extended_Pictographic property, so its ranges
 * (Unicode emoji-data.txt, identical to the JDK's internal table) are listed here.
 */
final class Pictographs {

    /** Extended_Pictographic as inclusive [first, last] pairs, sorted. */
    private static final int[] EXTENDED_PICTOGRAPHIC = {
        0x00A9, 0x00A9, 0x00AE, 0x00AE, 0x203C, 0x203C, 0x2049, 0x2049, 0x2122, 0x2122,
        0x2139, 0x2139, 0x2194, 0x2199, 0x21A9, 0x21AA, 0x231A, 0x231B, 0x2328, 0x2328,
        0x2388, 0x2388, 0x23CF, 0x23CF, 0x23E9, 0x23F3, 0x23F8, 0x23FA, 0x24C2, 0x24C2,
        0x25AA, 0x25AB, 0x25B6, 0x25B6, 0x25C0, 0x25C0, 0x25FB, 0x25FE, 0x2600, 0x2605,
        0x2607, 0x2612, 0x2614, 0x2685, 0x2690, 0x2705, 0x2708, 0x2712, 0x2714, 0x2714,
        0x2716, 0x2716, 0x271D, 0x271D, 0x2721, 0x2721, 0x2728, 0x2728, 0x2733, 0x2734,
        0x2744, 0x2744, 0x2747, 0x2747, 0x274C, 0x274C, 0x274E, 0x274E, 0x2753, 0x2755,
        0x2757, 0x2757, 0x2763, 0x2767, 0x2795, 0x2797, 0x27A1, 0x27A1, 0x27B0, 0x27B0,
        0x27BF, 0x27BF, 0x2934, 0x2935, 0x2B05, 0x2B07, 0x2B1B, 0x2B1C, 0x2B50, 0x2B50,
        0x2B55, 0x2B55, 0x3030, 0x3030, 0x303D, 0x303D, 0x3297, 0x3297, 0x3299, 0x3299,
        0x1F000, 0x1F0FF, 0x1F10D, 0x1F10F, 0x1F12F, 0x1F12F, 0x1F16C, 0x1F171,
        0x1F17E, 0x1F17F, 0x1F18E, 0x1F18E, 0x1F191, 0x1F19A, 0x1F1AD, 0x1F1E5,
        0x1F201, 0x1F20F, 0x1F21A, 0x1F21A, 0x1F22F, 0x1F22F, 0x1F232, 0x1F23A,
        0x1F23C, 0x1F23F, 0x1F249, 0x1F3FA, 0x1F400, 0x1F53D, 0x1F546, 0x1F64F,
        0x1F680, 0x1F6FF, 0x1F774, 0x1F77F, 0x1F7D5, 0x1F7FF, 0x1F80C, 0x1F80F,
        0x1F848, 0x1F84F, 0x1F85A, 0x1F85F, 0x1F888, 0x1F88F, 0x1F8AE, 0x1F8FF,
        0x1F90C, 0x1F93A, 0x1F93C, 0x1F945, 0x1F947, 0x1FAFF, 0x1FC00, 0x1FFFD,
    };

    private static final int ZERO_WIDTH_JOINER = 0x200D;

    private Pictographs() {
    }

    /**
     * Removes pictographs and the invisible parts of emoji sequences: variation selectors, skin
     * tones, regional-indicator flags, tag sequences, keycap marks, and joiners between emoji.
     * ©, ® and ™ are Extended_Pictographic too but are kept: in running text they are ordinary
     * symbols that voices read well ("copyright", "trade mark"). A joiner next to letters is kept,
     * since scripts such as Devanagari and Arabic use it.
     */
    static String strip(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int previous = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            boolean drop;
            if (cp == ZERO_WIDTH_JOINER) {
                int following = next < text.length() ? text.codePointAt(next) : -1;
                drop = isEmojiPart(previous) || isEmojiPart(following);
            } else {
                drop = isEmojiPart(cp);
            }
            if (!drop) {
                out.appendCodePoint(cp);
            }
            previous = cp;
            i = next;
        }
        return out.toString();
    }

    private static boolean isEmojiPart(int cp) {
        if (cp == 0x00A9 || cp == 0x00AE || cp == 0x2122) {
            return false;
        }
        return isExtendedPictographic(cp)
                || cp == 0xFE0E || cp == 0xFE0F               // text/emoji presentation selectors
                || cp == 0x20E3                               // combining enclosing keycap
                || (cp >= 0x1F1E6 && cp <= 0x1F1FF)           // regional indicators (flags)
                || (cp >= 0x1F3FB && cp <= 0x1F3FF)           // skin tone modifiers
                || cp == 0xE0001 || (cp >= 0xE0020 && cp <= 0xE007F); // tag sequences
    }

    private static boolean isExtendedPictographic(int cp) {
        int pos = Arrays.binarySearch(EXTENDED_PICTOGRAPHIC, cp);
        if (pos >= 0) {
            return true;
        }
        int insertion = -pos - 1;
        // An odd insertion point lies between a range's first and last code point.
        return insertion % 2 == 1;
    }
}
