package dev.parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/** Streams a text into a {@link SpeechChunker} the way an LLM would, split in various ways. */
final class StreamFeeder {

    private StreamFeeder() {
    }

    /** Feeds the tokens, then finishes; checks that the chunks tile the whole text. */
    static List<SpeechChunk> feed(Supplier<SpeechChunker> chunkers, List<String> tokens) {
        SpeechChunker chunker = chunkers.get();
        List<SpeechChunk> chunks = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (String token : tokens) {
            text.append(token);
            chunks.addAll(chunker.append(token));
        }
        chunks.addAll(chunker.finish());
        assertTiles(chunks, text.length());
        return chunks;
    }

    static void assertTiles(List<SpeechChunk> chunks, int length) {
        int expectedStart = 0;
        for (SpeechChunk chunk : chunks) {
            assertThat(chunk.start()).as("start of %s", chunk).isEqualTo(expectedStart);
            assertThat(chunk.end()).as("end of %s", chunk).isGreaterThan(chunk.start());
            expectedStart = chunk.end();
        }
        assertThat(expectedStart).as("end of the last chunk").isEqualTo(length);
    }

    static List<String> raw(String text, List<SpeechChunk> chunks) {
        return chunks.stream().map(c -> text.substring(c.start(), c.end())).toList();
    }

    /** Named ways to split {@code text} into tokens: whole, per character, per word, random sizes. */
    static Map<String, List<String>> tokenizations(String text) {
        Map<String, List<String>> ways = new LinkedHashMap<>();
        ways.put("whole", List.of(text));
        ways.put("chars", chars(text));
        ways.put("words", words(text));
        for (int seed = 1; seed <= 6; seed++) {
            ways.put("random" + seed, random(text, new Random(seed), 1 + seed));
        }
        return ways;
    }

    static List<String> chars(String text) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            tokens.add(text.substring(i, i + 1));
        }
        return tokens;
    }

    /** Like a BPE tokenizer: each token is leading whitespace plus a word, punctuation separate. */
    static List<String> words(String text) {
        List<String> tokens = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            boolean split = i == text.length()
                    || (Character.isWhitespace(text.charAt(i)) && !Character.isWhitespace(text.charAt(i - 1)))
                    || (!Character.isLetterOrDigit(text.charAt(i)) && !Character.isWhitespace(text.charAt(i)));
            if (split && i > start) {
                tokens.add(text.substring(start, i));
                start = i;
            }
        }
        return tokens;
    }

    static List<String> random(String text, Random random, int maxTokenLength) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int end = Math.min(text.length(), i + 1 + random.nextInt(maxTokenLength));
            tokens.add(text.substring(i, end));
            i = end;
        }
        return tokens;
    }
}
