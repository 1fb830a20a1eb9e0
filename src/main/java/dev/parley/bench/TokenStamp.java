package dev.parley.bench;

/**
 * A number written invisibly into a token's text, so a client can tell which scripted turn it is
 * reading: hexadecimal Unicode tag characters (U+E0030…). Parley's speech cleaner drops tag
 * characters (they belong to emoji tag sequences), so a stamped reply is spoken as an unstamped
 * one; only the first token of a turn carries a stamp, a few characters long, so that chunk
 * lengths barely change either.
 */
final class TokenStamp {

    private static final int TAG_BASE = 0xE0000;

    private TokenStamp() {
    }

    /** {@code token} with {@code value} put after its leading whitespace, where it breaks no boundary. */
    static String stamp(String token, int value) {
        StringBuilder tags = new StringBuilder();
        for (char c : Integer.toHexString(value).toCharArray()) {
            tags.appendCodePoint(TAG_BASE + c);
        }
        int wordStart = 0;
        while (wordStart < token.length() && Character.isWhitespace(token.charAt(wordStart))) {
            wordStart++;
        }
        return token.substring(0, wordStart) + tags + token.substring(wordStart);
    }

    /** The number stamped in {@code text}, or -1 when there is none. */
    static int read(String text) {
        StringBuilder hex = new StringBuilder();
        text.codePoints().filter(TokenStamp::isTag).forEach(cp -> hex.append((char) (cp - TAG_BASE)));
        return hex.length() == 0 ? -1 : Integer.parseInt(hex.toString(), 16);
    }

    /** {@code text} without its stamp. */
    static String strip(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(cp -> !isTag(cp)).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static boolean isTag(int cp) {
        return cp > TAG_BASE && cp < TAG_BASE + 0x80;
    }
}
