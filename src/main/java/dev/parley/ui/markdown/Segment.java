package dev.parley.ui.markdown;

/** A range {@code [start, end)} of the raw Markdown holding one line's worth of a block's text. */
record Segment(int start, int end) {
}
