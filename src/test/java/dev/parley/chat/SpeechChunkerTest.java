package dev.parley.chat;

import static dev.parley.chat.StreamFeeder.feed;
import static dev.parley.chat.StreamFeeder.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpeechChunkerTest {

    static Stream<Arguments> replies() {
        return Stream.of(
                Arguments.of("first chunk ends at a clause after four words",
                        "Well, I think that, honestly, it works. It really does work.",
                        List.of("Well, I think that,", " honestly, it works.", " It really does work.")),
                Arguments.of("first chunk ends at a sentence end before four words",
                        "Sure. Here is the plan, step by step. Go.",
                        List.of("Sure.", " Here is the plan, step by step.", " Go.")),
                Arguments.of("later chunks end at sentence ends only",
                        "Hello there, friend. How are you today, really? I am fine!",
                        List.of("Hello there, friend.", " How are you today, really?", " I am fine!")),
                Arguments.of("decimals and currency",
                        "Pi is about 3.14 and lunch costs $2.50 today. That is cheap enough.",
                        List.of("Pi is about 3.14 and lunch costs $2.50 today.", " That is cheap enough.")),
                Arguments.of("titles and dotted abbreviations",
                        "Mr. Smith and Dr. Jones met Prof. Lee on Main St. near the U.S. border at 5 p.m. "
                                + "yesterday. They talked for hours.",
                        List.of("Mr. Smith and Dr. Jones met Prof. Lee on Main St. near the U.S. border at 5 p.m. "
                                + "yesterday.", " They talked for hours.")),
                Arguments.of("e.g. i.e. vs. and etc. before a lower-case word",
                        "Pick a fruit (e.g. apples) or i.e. something vs. nothing etc. and more. Then stop here now.",
                        List.of("Pick a fruit (e.g. apples) or i.e. something vs. nothing etc. and more.",
                                " Then stop here now.")),
                Arguments.of("etc. before a capital ends the sentence",
                        "Okay. We sell apples and pears etc. Then we close the shop.",
                        List.of("Okay.", " We sell apples and pears etc.", " Then we close the shop.")),
                Arguments.of("single initials",
                        "J. R. R. Tolkien wrote many books. He was a professor.",
                        List.of("J. R. R. Tolkien wrote many books.", " He was a professor.")),
                Arguments.of("No. and Fig. before a number; a short sentence is merged",
                        "See No. 5 and Fig. 2 for details. No. I do not agree with that.",
                        List.of("See No. 5 and Fig. 2 for details.", " No. I do not agree with that.")),
                Arguments.of("ellipsis inside a sentence",
                        "Wait... then it worked. Hmm... That is odd, right?",
                        List.of("Wait... then it worked.", " Hmm... That is odd, right?")),
                Arguments.of("ellipsis before a capital ends the sentence",
                        "I thought about it for a while… Then I decided to go.",
                        List.of("I thought about it for a while…", " Then I decided to go.")),
                Arguments.of("a quoted question inside a sentence",
                        "She asked \"Really?\" and then she laughed. That was funny indeed.",
                        List.of("She asked \"Really?\" and then she laughed.", " That was funny indeed.")),
                Arguments.of("! before a lower-case word",
                        "Yahoo! is a company, as they said to us. Wow! That is great news.",
                        List.of("Yahoo! is a company,", " as they said to us.", " Wow! That is great news.")),
                Arguments.of("? before a capital still ends the sentence",
                        "Are you sure about that? Yes, I am quite sure.",
                        List.of("Are you sure about that?", " Yes, I am quite sure.")),
                Arguments.of("numbered items inside a line",
                        "Top picks today: 1. Apples 2. Pears and 3. Plums. That is all for now.",
                        List.of("Top picks today: 1. Apples 2. Pears and 3. Plums.", " That is all for now.")),
                Arguments.of("a small number ending a sentence runs on into the next one",
                        "Add two and two to get 4. That is simple math. Next we multiply.",
                        List.of("Add two and two to get 4. That is simple math.", " Next we multiply.")),
                Arguments.of("a small number before a line break or the end ends the sentence",
                        "The answer is 42.\nThe question is unknown 7.",
                        List.of("The answer is 42.", "\nThe question is unknown 7.")),
                Arguments.of("a year ends a sentence",
                        "I was born in 1990. Then I moved away.",
                        List.of("I was born in 1990.", " Then I moved away.")),
                Arguments.of("a URL with parentheses and a final period",
                        "Read https://en.wikipedia.org/wiki/Mercury_(planet). It is short.",
                        List.of("Read https://en.wikipedia.org/wiki/Mercury_(planet).", " It is short.")),
                Arguments.of("URLs, versions and file names",
                        "Visit example.com/a.b or www.x.org and install v1.2.3 today. Then open the file "
                                + "config.yml. Done with that.",
                        List.of("Visit example.com/a.b or www.x.org and install v1.2.3 today.",
                                " Then open the file config.yml.", " Done with that.")),
                Arguments.of("numbered list markers are not sentence ends",
                        "Steps:\n1. First do this.\n2. Then do that.\n",
                        List.of("Steps:", "\n1. First do this.", "\n2. Then do that.", "\n")),
                Arguments.of("a list number is not even a first chunk",
                        "1. Install the package.\n2. Run it now.\n",
                        List.of("1. Install the package.", "\n2. Run it now.", "\n")),
                Arguments.of("header, paragraph, list items, blank line",
                        "# Title\nSome intro text here.\n- item one\n- item two\n\nThe end is near now.",
                        List.of("# Title", "\nSome intro text here.", "\n- item one", "\n- item two",
                                "\n\nThe end is near now.")),
                Arguments.of("a soft-wrapped paragraph line is not a boundary",
                        "This line wraps\nonto the next line here. Then it ends now.",
                        List.of("This line wraps\nonto the next line here.", " Then it ends now.")),
                Arguments.of("paragraphs without final punctuation",
                        "First paragraph\n\nSecond paragraph",
                        List.of("First paragraph", "\n\nSecond paragraph")),
                Arguments.of("closing quotes and brackets after the punctuation",
                        "He said \"stop.\" Then he left (quietly.) And that was it!",
                        List.of("He said \"stop.\"", " Then he left (quietly.)", " And that was it!")),
                Arguments.of("?! and !!; a short sentence is merged",
                        "Really?! Yes!! Absolutely, there is no doubt about it.",
                        List.of("Really?!", " Yes!! Absolutely, there is no doubt about it.")),
                Arguments.of("emphasis closed after the period",
                        "**Important.** Read the whole manual first. Then begin.",
                        List.of("**Important.**", " Read the whole manual first.", " Then begin.")),
                Arguments.of("em dashes as clause boundaries",
                        "The result — as you can see — is fine today. Yes indeed.",
                        List.of("The result — as you can see —", " is fine today.", " Yes indeed.")),
                Arguments.of("code fence with periods inside",
                        "Run this:\n```python\nx = 1.5. y = 2. z\nprint(x)\n```\nThat prints it. Done now, ok.",
                        List.of("Run this:", "\n```python\nx = 1.5. y = 2. z\nprint(x)\n```",
                                "\nThat prints it.", " Done now, ok.")),
                Arguments.of("tilde fence",
                        "~~~\na. b. c.\n~~~\nAfter the fence we talk again.",
                        List.of("~~~\na. b. c.\n~~~", "\nAfter the fence we talk again.")),
                Arguments.of("inline code with a period inside",
                        "You should call `obj. Method` right now. Then stop here.",
                        List.of("You should call `obj. Method` right now.", " Then stop here.")),
                Arguments.of("table rows",
                        "| A | B |\n|---|---|\n| 1 | 2 |\nThat is the table.",
                        List.of("| A | B |", "\n|---|---|", "\n| 1 | 2 |", "\nThat is the table.")),
                Arguments.of("CJK sentence ends need no space",
                        "日本語です。次の文です。",
                        List.of("日本語です。", "次の文です。")),
                Arguments.of("trailing whitespace becomes a chunk of its own",
                        "All done here. ",
                        List.of("All done here.", " ")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void chunksRepliesTheSameWayHoweverTheyAreTokenized(String name, String reply, List<String> expected) {
        for (Map.Entry<String, List<String>> way : StreamFeeder.tokenizations(reply).entrySet()) {
            assertThat(raw(reply, feed(SpeechChunker::new, way.getValue())))
                    .as("tokenized %s", way.getKey())
                    .containsExactlyElementsOf(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void randomMarkdownChunksIndependentlyOfTokenization(int seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 20; round++) {
            String reply = randomMarkdown(random);
            List<SpeechChunk> reference = feed(SpeechChunker::new, List.of(reply));
            for (Map.Entry<String, List<String>> way : StreamFeeder.tokenizations(reply).entrySet()) {
                assertThat(feed(SpeechChunker::new, way.getValue()))
                        .as("%s tokenized %s", reply, way.getKey())
                        .isEqualTo(reference);
            }
            assertThat(reference).extracting(SpeechChunk::spoken).as(reply)
                    .allSatisfy(spoken -> assertThat(spoken).doesNotContain("[", "]", "`", "*", "://"));
        }
    }

    /** A model stuck repeating itself can write a line many thousands of characters long. */
    @ParameterizedTest
    @ValueSource(strings = {"a.", "-", "_", "(b)", "---|", "x, ", "😀"})
    void chunksEndlessRepetitionWithoutOverflowingTheStack(String repeated) {
        String reply = "Okay. " + repeated.repeat(20_000) + " Then it stopped.";

        List<String> spoken = feed(SpeechChunker::new, List.of(reply)).stream().map(SpeechChunk::spoken).toList();

        assertThat(spoken.get(0)).isEqualTo("Okay.");
        assertThat(spoken.get(spoken.size() - 1)).endsWith("Then it stopped.");
    }

    @Test
    void firstChunkIsReturnedByTheTokenThatCompletesTheClause() {
        SpeechChunker chunker = new SpeechChunker();

        assertThat(chunker.append("Well,")).isEmpty();
        assertThat(chunker.append(" I think")).isEmpty();
        assertThat(chunker.append(" that,")).isEmpty();
        List<SpeechChunk> chunks = chunker.append(" honestly");

        assertThat(chunks).containsExactly(new SpeechChunk(0, 19, "Well, I think that,"));
    }

    @Test
    void periodAtTheEndOfTheTextSoFarWaitsForTheNextCharacter() {
        SpeechChunker chunker = new SpeechChunker();

        assertThat(chunker.append("It costs 3.")).isEmpty();
        assertThat(chunker.append("50 dollars.")).isEmpty();

        assertThat(chunker.append(" Then")).containsExactly(new SpeechChunk(0, 22, "It costs 3.50 dollars."));
    }

    @Test
    void fiveHundredCharacterSentenceIsCutAtTheLastSpaceBeforeTwoHundred() {
        String reply = longSentence(500) + ".";

        List<SpeechChunk> chunks = feed(SpeechChunker::new, StreamFeeder.words(reply));

        assertThat(chunks).hasSizeGreaterThanOrEqualTo(3);
        SpeechChunk first = chunks.get(0);
        assertThat(first.end()).isBetween(190, 200);
        assertThat(reply.charAt(first.end())).isEqualTo(' ');
        assertThat(reply.indexOf(' ', first.end() + 1)).isGreaterThan(200);
        assertThat(chunks).allSatisfy(c -> assertThat(c.end() - c.start()).isLessThanOrEqualTo(200));
    }

    @Test
    void longSentenceIsCutAtAClauseBoundaryInTheSecondHalfOfTheWindow() {
        String reply = "Okay. " + longSentence(150) + ", " + longSentence(300) + ".";

        List<SpeechChunk> chunks = feed(SpeechChunker::new, StreamFeeder.chars(reply));

        assertThat(raw(reply, chunks).get(1)).isEqualTo(" " + longSentence(150) + ",");
    }

    @Test
    void clauseBoundaryInTheFirstHalfOfTheWindowIsNotUsedForCutting() {
        String reply = "Okay. Short, " + longSentence(400) + ".";

        List<SpeechChunk> chunks = feed(SpeechChunker::new, StreamFeeder.chars(reply));

        SpeechChunk second = chunks.get(1);
        assertThat(second.end() - second.start()).isBetween(190, 200);
        assertThat(reply.charAt(second.end())).isEqualTo(' ');
    }

    @Test
    void limitIsConfigurable() {
        String reply = longSentence(300);

        List<SpeechChunk> chunks = feed(() -> new SpeechChunker(4, 50), List.of(reply));

        assertThat(chunks).hasSizeGreaterThan(6)
                .allSatisfy(c -> assertThat(c.end() - c.start()).isLessThanOrEqualTo(50));
    }

    @Test
    void codeFenceIsNeverCutEvenWhenLong() {
        String code = "int x = 1. y; // Sentence. Another one! Right?\n".repeat(10);
        String reply = "Here is code.\n```java\n" + code + "```\nIt works, I promise you.";
        int fenceStart = reply.indexOf("```");
        int fenceEnd = reply.lastIndexOf("```") + 3;

        List<SpeechChunk> chunks = feed(SpeechChunker::new, StreamFeeder.chars(reply));

        assertThat(chunks).extracting(SpeechChunk::end).noneMatch(end -> end > fenceStart && end < fenceEnd);
        assertThat(raw(reply, chunks)).contains("\n```java\n" + code + "```");
        assertThat(chunks).filteredOn(c -> c.start() == fenceStart - 1).singleElement()
                .extracting(SpeechChunk::spoken).isEqualTo("");
    }

    @Test
    void unclosedFenceIsFlushedByFinish() {
        SpeechChunker chunker = new SpeechChunker();

        assertThat(chunker.append("Look.\n```\nA. B. C. D.\nE. F")).containsExactly(new SpeechChunk(0, 5, "Look."));

        assertThat(chunker.finish()).containsExactly(new SpeechChunk(5, 26, ""));
    }

    @Test
    void inlineCodeLongerThanTheLimitIsNotCut() {
        String span = "`" + "a. b ".repeat(60) + "`";
        String reply = "Okay. Run " + span + " now please.";

        List<SpeechChunk> chunks = feed(SpeechChunker::new, StreamFeeder.chars(reply));

        int spanStart = reply.indexOf('`');
        int spanEnd = reply.lastIndexOf('`') + 1;
        assertThat(chunks).extracting(SpeechChunk::end).noneMatch(end -> end > spanStart && end < spanEnd);
    }

    @Test
    void firstSpokenChunkRuleAppliesAfterALeadingCodeBlock() {
        String reply = "```\ncode.\n```\nWell, I think that, honestly, yes.";

        List<String> chunks = raw(reply, feed(SpeechChunker::new, StreamFeeder.chars(reply)));

        assertThat(chunks).containsExactly("```\ncode.\n```", "\nWell, I think that,", " honestly, yes.");
    }

    @Test
    void chunksCarryTheTextCleanedForSpeech() {
        String reply = "**Bold.** The next sentence uses `ls` here. See [docs](https://x.org) 🎉.";

        List<String> spoken = feed(SpeechChunker::new, StreamFeeder.words(reply)).stream()
                .map(SpeechChunk::spoken).toList();

        assertThat(spoken).containsExactly("Bold.", "The next sentence uses ls here.", "See docs.");
    }

    @Test
    void shortSentencesAreKeptApartWhenMergingIsOff() {
        String reply = "Yes. OK. Fine then.";

        List<String> chunks = raw(reply, feed(() -> new SpeechChunker(new SpeechChunker.Options(4, 200, 0)),
                List.of(reply)));

        assertThat(chunks).containsExactly("Yes.", " OK.", " Fine then.");
    }

    @Test
    void firstChunkWordCountIsConfigurable() {
        String reply = "Well, I think, yes, it is.";

        List<String> chunks = raw(reply, feed(() -> new SpeechChunker(2, 200), List.of(reply)));

        assertThat(chunks.get(0)).isEqualTo("Well, I think,");
    }

    @Test
    void finishWithNothingPendingReturnsNoChunk() {
        SpeechChunker chunker = new SpeechChunker();
        assertThat(chunker.append("Hello there. ")).hasSize(1);
        SpeechChunker empty = new SpeechChunker();

        assertThat(empty.finish()).isEmpty();
        assertThat(chunker.finish()).containsExactly(new SpeechChunk(12, 13, ""));
    }

    @Test
    void chunkerCannotBeUsedAfterFinish() {
        SpeechChunker chunker = new SpeechChunker();
        chunker.finish();

        assertThatThrownBy(() -> chunker.append("more")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(chunker::finish).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @MethodSource("invalidOptions")
    void rejectsUnusableOptions(int firstChunkMinWords, int maxChunkChars, int laterChunkMinWords) {
        assertThatThrownBy(() -> new SpeechChunker.Options(firstChunkMinWords, maxChunkChars, laterChunkMinWords))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> invalidOptions() {
        return Stream.of(Arguments.of(0, 200, 3), Arguments.of(4, 19, 3), Arguments.of(4, 200, -1));
    }

    /** Space-separated words of 2 to 9 letters without punctuation, exactly {@code length} chars. */
    private static String longSentence(int length) {
        Random random = new Random(length);
        StringBuilder sentence = new StringBuilder("word");
        while (sentence.length() < length) {
            sentence.append(' ');
            int wordLength = 2 + random.nextInt(8);
            for (int i = 0; i < wordLength; i++) {
                sentence.append((char) ('a' + random.nextInt(26)));
            }
        }
        sentence.setLength(length);
        if (sentence.charAt(length - 1) == ' ') {
            sentence.setCharAt(length - 1, 'x');
        }
        return sentence.toString();
    }

    private static final List<String> FRAGMENTS = List.of(
            "Hello", "world", "Mr.", "Dr. Who", "3.14", "$2.50", "e.g.", "U.S.", "J. R.", "etc.", "No. 5",
            "wait...", "…", "really?!", "yes!!", ".", ",", ";", ":", " — ", "\"quoted.\"", "(aside.)",
            "**bold.**", "_it_", "`code. x`", "`", "``", "\n", "\n\n", "\n- item", "\n1. step", "\n# Head",
            "\n> quote", "\n| a | b |", "\n```\nfenced. code.\n```\n", "\n~~~\nx. y\n", "\n```", "https://x.org/a.b",
            "v1.2.3", "日本語。", "、", "🎉", "naïve", " ", "  ", "\t", "A", "i.e.", "Why?\" and", "Yes! it",
            "2.", "42.", "https://en.wikipedia.org/wiki/Mercury_(planet).", "www.x.org", "[[1, 2], [3, 4]]",
            "[note]");

    private static String randomMarkdown(Random random) {
        List<String> parts = new ArrayList<>();
        int count = 5 + random.nextInt(60);
        for (int i = 0; i < count; i++) {
            parts.add(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
            if (random.nextInt(3) > 0) {
                parts.add(" ");
            }
        }
        if (random.nextInt(4) == 0) {
            parts.add(longSentence(150 + random.nextInt(300)));
        }
        return String.join("", parts);
    }
}
