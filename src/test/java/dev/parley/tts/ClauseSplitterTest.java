package dev.parley.tts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClauseSplitterTest {

    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("Hello world, this is a test. How are you?", List.of("Hello world,", "this is a test.", "How are you?")),
                Arguments.of("No punctuation", List.of("No punctuation")),
                Arguments.of("Colon: yes; semicolon!", List.of("Colon:", "yes;", "semicolon!")),
                Arguments.of("Hello!!! World", List.of("Hello!!!", "World")),
                Arguments.of("Wait... what?!", List.of("Wait...", "what?!")),
                Arguments.of("It costs 3.5 dollars.", List.of("It costs 3.5 dollars.")),
                Arguments.of("Hello,world", List.of("Hello,world")),
                Arguments.of("Is it ok ?Yes", List.of("Is it ok ?Yes")),
                Arguments.of("Mr. and Mrs. Jones.", List.of("Mr. and Mrs.", "Jones.")),
                Arguments.of("e.g. this, i.e. that", List.of("e.g. this,", "i.e. that")),
                Arguments.of("Hi.\nb", List.of("Hi.", "b")),
                Arguments.of("one\ntwo", List.of("one two")),
                Arguments.of("one\n\ntwo", List.of("one", "two")),
                Arguments.of("\"Quoted,\" she said.", List.of("\"Quoted,\"", "she said.")),
                Arguments.of("one — two", List.of("one —", "two")),
                Arguments.of("one—two", List.of("one—two")),
                Arguments.of("Wait… what", List.of("Wait…", "what")),
                Arguments.of("  spaced   out  .  ", List.of("spaced out .")),
                Arguments.of("   ", List.of()));
    }

    @ParameterizedTest
    @MethodSource("texts")
    void splitsWhereEspeakEndsAClause(String text, List<String> clauses) {
        assertThat(ClauseSplitter.split(text)).extracting(ClauseSplitter.Clause::text).isEqualTo(clauses);
    }

    @ParameterizedTest
    @MethodSource("texts")
    void theTerminatorIsTheLastCharacter(String text, List<String> clauses) {
        for (ClauseSplitter.Clause clause : ClauseSplitter.split(text)) {
            assertThat(clause.terminator()).isEqualTo(clause.text().codePointBefore(clause.text().length()));
        }
    }
}
