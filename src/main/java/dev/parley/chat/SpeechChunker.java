package dev.parley.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Cuts one streamed LLM reply into pieces a TTS engine can speak as soon as they are complete.
 * One instance per reply; not thread-safe, to be used by one thread at a time.
 *
 * <p>The chunks returned by {@link #append} and {@link #finish} tile the raw reply in order: the
 * first starts at 0, each starts where the previous one ended, and after {@code finish()} the last
 * ends at the reply's length. Whitespace after a boundary belongs to the next chunk. A chunk whose
 * {@linkplain SpeechChunk#spoken() spoken} text is empty (a code block, a table delimiter row,
 * trailing whitespace) is still returned, so that indices stay contiguous; the caller skips it.
 * The chunks do not depend on how the reply was split into tokens.
 *
 * <p>Where a chunk ends:
 * <ul>
 *   <li>The first chunk with something to say ends at the first clause boundary ({@code , ; : —
 *       –} followed by whitespace, or CJK {@code 、，；：}) once it holds
 *       {@link Options#firstChunkMinWords()} words, or at the first sentence or line end,
 *       whichever comes first.
 *   <li>Sentence ends: {@code . ! ? …} (also runs like {@code ?!}, {@code !!}), possibly followed
 *       by closing quotes, brackets or emphasis ({@code ."}, {@code .)}, {@code .**}), and then by
 *       whitespace; CJK {@code 。！？} need no whitespace. A period at the end of the text so far
 *       is not yet a boundary.
 *   <li>Not sentence ends: decimals, versions and URLs (nothing but whitespace may follow),
 *       {@code ? !} and ellipses followed on the same line by a lower-case word (ellipses also by
 *       a digit): {@code She asked "Really?" and laughed.}, titles ({@code Mr. Dr. Prof. St.} …),
 *       mid-sentence abbreviations ({@code vs. cf. approx.}), dotted abbreviations
 *       ({@code e.g. i.e. U.S. a.m. Ph.D.}), single capital initials ({@code J. R. R. Tolkien},
 *       but not the pronoun {@code I}), {@code No. Fig. Vol. p.} … before a number, {@code etc.
 *       Inc. Jr.} … unless a capital letter or a line break follows, list numbers at line
 *       start ({@code 1. First}), and a number of one or two digits standing alone before a
 *       period in the middle of a line ({@code Top picks: 1. Apples 2. Pears}) unless a line
 *       break or the end of the reply follows. The last rule also keeps "The sum is 4. Next…"
 *       in one chunk: when unsure the chunker keeps going, since a missed boundary only makes a
 *       chunk longer while a false one breaks a sentence. Longer numbers ({@code in 1990.}) end
 *       sentences.
 *   <li>Line ends: a line break ends the chunk when the line is Markdown structure (header, list
 *       item, quote, table row, rule), or when the next line is blank or starts like structure
 *       (judged by its first character: {@code # > | - * + _ ` ~} or a digit); any other break
 *       inside a paragraph is a soft wrap and does not.
 *   <li>A fenced code block ({@code ```} or {@code ~~~} at line start) ends the chunk where its
 *       closing fence line ends; nothing inside a fence or an inline code span is ever a boundary.
 *       A fence, like any structure line, also starts a new chunk.
 *   <li>Short sentences are merged: after the first chunk, a sentence end is ignored until the
 *       chunk holds {@link Options#laterChunkMinWords()} words, so "Yes. OK. Let me explain."
 *       becomes one chunk. Line ends and fences are never merged over.
 *   <li>A chunk growing past {@link Options#maxChunkChars()} characters is cut within the limit:
 *       at its last clause boundary if that lies in the second half, otherwise at its last space
 *       (or after the last CJK character). With no such place, at the next whitespace.
 *       Code blocks and code spans are never cut.
 * </ul>
 *
 * <p>Words are runs of non-whitespace containing a letter or digit; each Han, Hiragana or
 * Katakana character counts as one word.
 */
public final class SpeechChunker {

    /**
     * Tuning of the chunker.
     *
     * @param firstChunkMinWords words the first chunk needs before a clause boundary may end it
     * @param maxChunkChars length in raw characters above which a sentence is cut
     * @param laterChunkMinWords words a later chunk needs before a sentence end may end it;
     *     0 disables merging of short sentences
     */
    public record Options(int firstChunkMinWords, int maxChunkChars, int laterChunkMinWords) {

        /** 4 words before the first clause cut, 200 characters per chunk, merge below 3 words. */
        public static final Options DEFAULTS = new Options(4, 200, 3);

        public Options {
            if (firstChunkMinWords < 1) {
                throw new IllegalArgumentException(
                        "firstChunkMinWords must be at least 1: " + firstChunkMinWords);
            }
            if (maxChunkChars < 20) {
                throw new IllegalArgumentException("maxChunkChars must be at least 20: " + maxChunkChars);
            }
            if (laterChunkMinWords < 0) {
                throw new IllegalArgumentException(
                        "laterChunkMinWords must not be negative: " + laterChunkMinWords);
            }
        }
    }

    private final SpeechBoundaries boundaries;
    private final StringBuilder reply = new StringBuilder();
    private int emitted;
    private boolean saidSomething;
    private boolean finished;

    /** A chunker with {@link Options#DEFAULTS}. */
    public SpeechChunker() {
        this(Options.DEFAULTS);
    }

    /** A chunker with the given first-chunk word count and chunk limit, merging as by default. */
    public SpeechChunker(int firstChunkMinWords, int maxChunkChars) {
        this(new Options(firstChunkMinWords, maxChunkChars, Options.DEFAULTS.laterChunkMinWords()));
    }

    public SpeechChunker(Options options) {
        this.boundaries = new SpeechBoundaries(Objects.requireNonNull(options, "options"));
    }

    /**
     * Adds the next token of the reply.
     *
     * @return the chunks this token completed, in order; often empty
     * @throws IllegalStateException after {@link #finish()}
     */
    public List<SpeechChunk> append(String token) {
        Objects.requireNonNull(token, "token");
        requireOpen();
        reply.append(token);
        return drain(false);
    }

    /**
     * Ends the reply and returns the remaining chunks, the last one ending at the reply's length;
     * empty if everything was already returned. The chunker cannot be used afterwards.
     *
     * @throws IllegalStateException if called twice
     */
    public List<SpeechChunk> finish() {
        requireOpen();
        finished = true;
        List<SpeechChunk> chunks = drain(true);
        if (emitted < reply.length()) {
            chunks.add(cut(reply.length()));
        }
        return chunks;
    }

    private List<SpeechChunk> drain(boolean complete) {
        List<SpeechChunk> chunks = new ArrayList<>();
        int end = boundaries.findEnd(reply, emitted, !saidSomething, complete);
        while (end != SpeechBoundaries.NONE) {
            chunks.add(cut(end));
            end = boundaries.findEnd(reply, emitted, !saidSomething, complete);
        }
        return chunks;
    }

    private SpeechChunk cut(int end) {
        String spoken = SpeechCleaner.clean(reply.substring(emitted, end));
        SpeechChunk chunk = new SpeechChunk(emitted, end, spoken);
        emitted = end;
        saidSomething |= !spoken.isEmpty();
        return chunk;
    }

    private void requireOpen() {
        if (finished) {
            throw new IllegalStateException("reply already finished");
        }
    }
}
