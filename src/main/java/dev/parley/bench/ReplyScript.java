package dev.parley.bench;

import dev.parley.chat.SpeechChunk;
import dev.parley.chat.SpeechChunker;
import java.util.List;

/**
 * The reply the scripted provider streams: a realistic spoken answer of several sentences, one
 * token per word as an LLM would stream it (leading space included, punctuation attached).
 */
final class ReplyScript {

    static final String TEXT = "The Moon is Earth's only natural satellite, and it is the fifth largest moon in "
            + "the solar system. It orbits the Earth about once every twenty-seven days, and its gravity drives "
            + "the ocean tides. Astronauts first walked on its surface in 1969, during the Apollo eleven "
            + "mission. Today, several space agencies plan to return, this time to stay much longer and to "
            + "build a small base near the south pole. Scientists hope to find water ice there, which could "
            + "one day supply drinking water, air and even rocket fuel. Would you like to hear more about "
            + "any of these missions?";

    private final List<String> tokens;

    private ReplyScript(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
    }

    /** The whole reply. */
    static ReplyScript full() {
        return new ReplyScript(List.of(TEXT.split("(?= )")));
    }

    /** The first {@code count} tokens of the reply, for a quick run. */
    static ReplyScript firstTokens(int count) {
        List<String> all = full().tokens;
        return new ReplyScript(all.subList(0, Math.min(count, all.size())));
    }

    List<String> tokens() {
        return tokens;
    }

    /**
     * The index of the token with which Parley's own {@link SpeechChunker} completes the first chunk
     * it can speak: from that token on, the first clause is complete in the stream. Equal to the
     * number of tokens when only the end of the reply completes it.
     */
    int firstChunkToken() {
        SpeechChunker chunker = new SpeechChunker();
        for (int i = 0; i < tokens.size(); i++) {
            if (hasWords(chunker.append(tokens.get(i)))) {
                return i;
            }
        }
        return tokens.size();
    }

    private static boolean hasWords(List<SpeechChunk> chunks) {
        return chunks.stream().anyMatch(chunk -> !chunk.spoken().isBlank());
    }
}
