package dev.parley.tts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.tts.ClauseSplitter.Clause;
import dev.parley.tts.ClauseSplitter.Terminator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClauseSplitterTest {

    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("Hello world, this is a test. How are you?",
                        List.of("Hello world, | COMMA", "this is a test. | PERIOD", "How are you? | QUESTION")),
                Arguments.of("No punctuation", List.of("No punctuation | SENTENCE")),
                Arguments.of("Colon: yes; semicolon!", List.of("Colon: | COLON", "yes; | SEMICOLON", "semicolon! | EXCLAMATION")),
                Arguments.of("Hello!!! World", List.of("Hello!!! | EXCLAMATION", "World | SENTENCE")),
                // Of a run of punctuation the first character decides.
                Arguments.of("Really?! Yes!? ok", List.of("Really?! | QUESTION", "Yes!? | EXCLAMATION", "ok | SENTENCE")),
                Arguments.of("Really?... ok", List.of("Really?... | QUESTION", "ok | SENTENCE")),
                // An ellipsis ends a clause, not a sentence, and needs no space after it.
                Arguments.of("Wait... what", List.of("Wait... | CLAUSE", "what | SENTENCE")),
                Arguments.of("Wait…what", List.of("Wait… | CLAUSE", "what | SENTENCE")),
                // Two dots are a full stop to espeak-ng, abbreviation rule included.
                Arguments.of("Wait.. What", List.of("Wait.. | PERIOD", "What | SENTENCE")),
                Arguments.of("Wait.. what", List.of("Wait.. what | SENTENCE")),
                Arguments.of("It costs 3.5 dollars.", List.of("It costs 3.5 dollars. | PERIOD")),
                Arguments.of("Hello,world", List.of("Hello,world | SENTENCE")),
                Arguments.of("Is it ok ?Yes", List.of("Is it ok ?Yes | SENTENCE")),
                Arguments.of("Mr. and Mrs. Jones.", List.of("Mr. and Mrs. | PERIOD", "Jones. | PERIOD")),
                Arguments.of("e.g. this, i.e. that", List.of("e.g. this, | COMMA", "i.e. that | SENTENCE")),
                Arguments.of("The U.S.A.'s role.", List.of("The U.S.A.'s role. | PERIOD")),
                Arguments.of("Hi.\nb", List.of("Hi. | PERIOD", "b | SENTENCE")),
                Arguments.of("one\ntwo", List.of("one two | SENTENCE")),
                Arguments.of("First para\n\nsecond para", List.of("First para | SENTENCE", "second para | SENTENCE")),
                Arguments.of("one \n \n two", List.of("one | SENTENCE", "two | SENTENCE")),
                // After a blank line espeak-ng reports a paragraph, whatever the punctuation.
                Arguments.of("Done?\n\nNext, please", List.of("Done? | SENTENCE", "Next, | COMMA", "please | SENTENCE")),
                // Closing quotes and brackets end the clause and belong to the next one.
                Arguments.of("He said \"Stop.\" Then he left.",
                        List.of("He said \"Stop. | PERIOD", "\" Then he left. | PERIOD")),
                Arguments.of("(Like this.) Next one.", List.of("(Like this. | PERIOD", ") Next one. | PERIOD")),
                Arguments.of("Tom said: \"go,\" then left.",
                        List.of("Tom said: | COLON", "\"go, | COMMA", "\" then left. | PERIOD")),
                Arguments.of("Done.' next", List.of("Done. | PERIOD", "' next | SENTENCE")),
                Arguments.of("Hi.(aside)", List.of("Hi. | PERIOD", "(aside) | SENTENCE")),
                // A dash followed by a space ends a clause as a semicolon.
                Arguments.of("Wait — really?", List.of("Wait — | SEMICOLON", "really? | QUESTION")),
                Arguments.of("one – two", List.of("one – | SEMICOLON", "two | SENTENCE")),
                Arguments.of("one— two", List.of("one— | SEMICOLON", "two | SENTENCE")),
                Arguments.of("one —two", List.of("one —two | SENTENCE")),
                Arguments.of("one—two", List.of("one—two | SENTENCE")),
                // No clause ends before a letter or digit.
                Arguments.of("— hi", List.of("— hi | SENTENCE")),
                Arguments.of("... hi", List.of("... hi | SENTENCE")),
                Arguments.of("One。two", List.of("One。 | SENTENCE", "two | SENTENCE")),
                Arguments.of("One、two！Three？", List.of("One、 | CLAUSE", "two！ | SENTENCE", "Three？ | SENTENCE")),
                Arguments.of("  spaced   out  .  ", List.of("spaced out . | PERIOD")),
                Arguments.of("   ", List.of()));
    }

    @ParameterizedTest
    @MethodSource("texts")
    void splitsWhereEspeakEndsAClause(String text, List<String> clauses) {
        assertThat(describe(ClauseSplitter.split(text))).isEqualTo(clauses);
    }

    @ParameterizedTest
    @ValueSource(strings = {"word ", "é", "x😀", "日本語 "})
    void cutsLongClausesBelowEspeaksLineBufferWithoutBreakingCharacters(String unit) {
        String text = unit.repeat(3000 / unit.getBytes(StandardCharsets.UTF_8).length) + "end.";

        List<Clause> clauses = ClauseSplitter.split(text);

        assertThat(clauses).hasSizeGreaterThan(1);
        assertThat(clauses).allSatisfy(clause -> {
            assertThat(clause.text().getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(ClauseSplitter.MAX_CLAUSE_BYTES);
            assertThat(new String(clause.text().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(clause.text());
        });
        assertThat(clauses.subList(0, clauses.size() - 1)).extracting(Clause::terminator).containsOnly(Terminator.CLAUSE);
        assertThat(clauses.get(clauses.size() - 1).terminator()).isEqualTo(Terminator.PERIOD);
        String joined = clauses.stream().map(Clause::text).collect(Collectors.joining(unit.endsWith(" ") ? " " : ""));
        assertThat(joined).isEqualTo(text.strip());
    }

    @Test
    void cutsLongClausesAtSpaces() {
        String text = "word ".repeat(300).strip();

        assertThat(ClauseSplitter.split(text)).allSatisfy(clause -> assertThat(clause.text()).matches("word( word)*"));
    }

    private static List<String> describe(List<Clause> clauses) {
        return clauses.stream().map(c -> c.text() + " | " + c.terminator()).toList();
    }
}
