package dev.parley.ui.markdown;

import java.util.Objects;

/**
 * A piece of text drawn in one style: what one JavaFX {@code Text} node of a block shows.
 *
 * <p>{@code [start, end)} is the raw Markdown range the text stands for. When the text has as many
 * characters as the range ({@link #isAligned()}), character {@code k} stands for raw character
 * {@code start + k}, so the run can be cut at any raw offset; otherwise it stands for the range
 * as a whole (an escape like {@code \*}, a line break that swallowed indentation).
 *
 * @param flags a combination of {@link #BOLD}, {@link #ITALIC}, {@link #STRIKETHROUGH},
 *     {@link #CODE}, {@link #LINK} and {@link #SPOKEN}
 * @param url the link target when {@link #LINK} is set, else null
 */
record Run(String text, int start, int end, int flags, String url) {

    static final int BOLD = 1;
    static final int ITALIC = 1 << 1;
    static final int STRIKETHROUGH = 1 << 2;
    static final int CODE = 1 << 3;
    static final int LINK = 1 << 4;
    /** Inside the highlighted range (the sentence being spoken). */
    static final int SPOKEN = 1 << 5;

    /** True when every flag in {@code flag} is set. */
    boolean has(int flag) {
        return (flags & flag) == flag;
    }

    /** True when each character of the text stands for one raw character. */
    boolean isAligned() {
        return text.length() == end - start;
    }

    /** True when this run and {@code other} are drawn alike (same flags, same link). */
    boolean sameStyle(Run other) {
        return flags == other.flags && Objects.equals(url, other.url);
    }
}
