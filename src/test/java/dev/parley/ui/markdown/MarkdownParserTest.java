package dev.parley.ui.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Block structure: which blocks a text makes, how they nest, what they contain. */
class MarkdownParserTest {

    static Stream<Arguments> blocks() {
        return Stream.of(
                // paragraphs
                Arguments.of("", ""),
                Arguments.of("\n\n  \n", ""),
                Arguments.of("Hello world", "P \"Hello world\""),
                Arguments.of("one\ntwo", "P \"one\" / \"two\""),
                Arguments.of("one\n\ntwo", "P \"one\"\nP \"two\""),
                Arguments.of("one  \n   two", "P \"one\" / \"two\""),
                Arguments.of("one\r\ntwo\r\n", "P \"one\" / \"two\""),
                // headings
                Arguments.of("# Title", "H1 \"Title\""),
                Arguments.of("###### Six", "H6 \"Six\""),
                Arguments.of("####### Seven", "P \"####### Seven\""),
                Arguments.of("## Closed ##", "H2 \"Closed\""),
                Arguments.of("## C# tips", "H2 \"C# tips\""),
                Arguments.of("#hashtag", "P \"#hashtag\""),
                Arguments.of("#", "H1"),
                Arguments.of("text\n# Heading\nmore", "P \"text\"\nH1 \"Heading\"\nP \"more\""),
                Arguments.of("## **Bold** heading", "H2 B(\"Bold\") \" heading\""),
                // lists
                Arguments.of("- one\n- two", "UL \"one\"\nUL \"two\""),
                Arguments.of("* star\n+ plus", "UL \"star\"\nUL \"plus\""),
                Arguments.of("1. one\n2. two", "OL1 \"one\"\nOL2 \"two\""),
                Arguments.of("1. one\n1. two\n1. three", "OL1 \"one\"\nOL2 \"two\"\nOL3 \"three\""),
                Arguments.of("3) three\n4) four", "OL3 \"three\"\nOL4 \"four\""),
                Arguments.of("- a\n  - b\n    - c\n  - d\n- e",
                        "UL \"a\"\nUL@1 \"b\"\nUL@2 \"c\"\nUL@1 \"d\"\nUL \"e\""),
                Arguments.of("1. a\n   - b\n2. c", "OL1 \"a\"\nUL@1 \"b\"\nOL2 \"c\""),
                Arguments.of("1. a\n    1. b\n    2. c\n2. d", "OL1 \"a\"\nOL1@1 \"b\"\nOL2@1 \"c\"\nOL2 \"d\""),
                Arguments.of("- one\n\n- two", "UL \"one\"\nUL \"two\""),
                Arguments.of("- item\n  continued", "UL \"item\" / \"continued\""),
                Arguments.of("- item\n\n  more about it\n\nafter", "UL \"item\"\nP@1 \"more about it\"\nP \"after\""),
                Arguments.of("-", "UL"),
                Arguments.of("-not a list", "P \"-not a list\""),
                Arguments.of("2024 was good", "P \"2024 was good\""),
                Arguments.of("- **Bold lead:** rest", "UL B(\"Bold lead:\") \" rest\""),
                // block quotes
                Arguments.of("> quoted", ">P \"quoted\""),
                Arguments.of("> one\n> two", ">P \"one\" / \"two\""),
                Arguments.of("> one\n>\n> two", ">P \"one\"\n>P \"two\""),
                Arguments.of("> outer\n> > inner", ">P \"outer\"\n>>P \"inner\""),
                Arguments.of("> - item\n> # Title", ">UL \"item\"\n>H1 \"Title\""),
                Arguments.of("> quote\n\nplain", ">P \"quote\"\nP \"plain\""),
                Arguments.of("> ```\n> code\n> ```\nafter", ">CODE[] \"code\"\nP \"after\""),
                // code blocks
                Arguments.of("```\ncode\n```", "CODE[] \"code\""),
                Arguments.of("```java\nint x;\nint y;\n```", "CODE[java] \"int x;\" / \"int y;\""),
                Arguments.of("~~~ python extra\nprint()\n~~~", "CODE[python] \"print()\""),
                Arguments.of("```\n**not bold** _nor_ [link](x) # no heading\n- no item\n```",
                        "CODE[] \"**not bold** _nor_ [link](x) # no heading\" / \"- no item\""),
                Arguments.of("```\n  indented\n\n```", "CODE[] \"  indented\" /"),
                Arguments.of("````\n```\n````", "CODE[] \"```\""),
                Arguments.of("```\ncode\n``", "CODE[]... \"code\" / \"``\""),
                Arguments.of("```py\nprint(1)", "CODE[py]... \"print(1)\""),
                Arguments.of("```py\nprint(1)\n", "CODE[py]... \"print(1)\""),
                Arguments.of("``` a ` b\n", "P \"``` a ` b\""),
                Arguments.of("1. Run:\n   ```sh\n   ls -l\n     x\n   ```\n2. Done",
                        "OL1 \"Run:\"\nCODE[sh]@1 \"ls -l\" / \"  x\"\nOL2 \"Done\""),
                // rules
                Arguments.of("---", "HR"),
                Arguments.of("a\n\n* * *\n\nb", "P \"a\"\nHR\nP \"b\""),
                Arguments.of("___", "HR"),
                Arguments.of("--", "P \"--\""),
                Arguments.of("text\n---", "P \"text\"\nHR"),
                // tables
                Arguments.of("| a | b |\n|---|:-:|\n| 1 | **2** |",
                        "HEAD \"a\" || \"b\"\nROW \"1\" || B(\"2\")"),
                Arguments.of("a | b\n--|--\n1 | 2", "HEAD \"a\" || \"b\"\nROW \"1\" || \"2\""),
                Arguments.of("| x \\| y | `c` |", "ROW \"x \" \"|\" \" y\" || C(\"c\")"),
                Arguments.of("| a |  |", "ROW \"a\" || "),
                Arguments.of("| a | b |\n|---|---|\n\nafter | not a row", "HEAD \"a\" || \"b\"\nP \"after | not a row\""),
                Arguments.of("| a | b", "ROW \"a\" || \"b\""));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void blocks(String markdown, String expected) {
        assertThat(Describe.parse(markdown)).isEqualTo(expected);
    }
}
