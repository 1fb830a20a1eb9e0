package dev.parley.ui.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Inline structure of a one-paragraph text (see {@link Describe} for the notation). */
class InlineParserTest {

    static Stream<Arguments> inlines() {
        return Stream.of(
                // emphasis
                Arguments.of("Hello **big** world", "\"Hello \" B(\"big\") \" world\""),
                Arguments.of("__bold__ and _it_", "B(\"bold\") \" and \" I(\"it\")"),
                Arguments.of("*it* and *more it*", "I(\"it\") \" and \" I(\"more it\")"),
                Arguments.of("***both***", "I(B(\"both\"))"),
                Arguments.of("**bold *and it* in**", "B(\"bold \" I(\"and it\") \" in\")"),
                Arguments.of("*it **and bold***", "I(\"it \" B(\"and bold\"))"),
                Arguments.of("~~gone~~ stays", "S(\"gone\") \" stays\""),
                Arguments.of("~5 minutes or ~~~x~~~", "\"~5 minutes or ~~~x~~~\""),
                Arguments.of("un**frigging**believable", "\"un\" B(\"frigging\") \"believable\""),
                // underscores inside words are not emphasis
                Arguments.of("snake_case_name", "\"snake_case_name\""),
                Arguments.of("call my_function_here now", "\"call my_function_here now\""),
                Arguments.of("__init__ method", "B(\"init\") \" method\""),
                Arguments.of("x_1 and _y_", "\"x_1 and \" I(\"y\")"),
                // spacing and arithmetic
                Arguments.of("2 * 3 * 4", "\"2 * 3 * 4\""),
                Arguments.of("** not bold**", "\"** not bold**\""),
                Arguments.of("a * b*", "\"a * b*\""),
                // unclosed markers (a reply still streaming) stay literal
                Arguments.of("**bold", "\"**bold\""),
                Arguments.of("Some **bold and *it", "\"Some **bold and *it\""),
                Arguments.of("done **bold** and **next", "\"done \" B(\"bold\") \" and **next\""),
                Arguments.of("`code", "\"`code\""),
                Arguments.of("~~gone", "\"~~gone\""),
                Arguments.of("[link](https://x", "\"[link](https://x\""),
                Arguments.of("[link", "\"[link\""),
                // inline code
                Arguments.of("use `x * y` here", "\"use \" C(\"x * y\") \" here\""),
                Arguments.of("`**not bold**`", "C(\"**not bold**\")"),
                Arguments.of("`` a ` b ``", "C(\"a ` b\")"),
                Arguments.of("` `", "C(\" \")"),
                Arguments.of("**`bold code`**", "B(C(\"bold code\"))"),
                Arguments.of("`my_var` and my_var", "C(\"my_var\") \" and my_var\""),
                Arguments.of("`one\ntwo`", "C(\"one two\")"),
                // escapes
                Arguments.of("\\*not it\\*", "\"*\" \"not it\" \"*\""),
                Arguments.of("a\\\\b", "\"a\" \"\\\" \"b\""),
                Arguments.of("\\a stays", "\"\\a stays\""),
                // links
                Arguments.of("see [docs](https://example.com/docs) now",
                        "\"see \" L[https://example.com/docs](\"docs\") \" now\""),
                Arguments.of("[**bold** link](u)", "L[u](B(\"bold\") \" link\")"),
                Arguments.of("[wiki](https://en.wikipedia.org/wiki/Foo_(bar))",
                        "L[https://en.wikipedia.org/wiki/Foo_(bar)](\"wiki\")"),
                Arguments.of("[t](<a b> \"title\")", "L[a b](\"t\")"),
                Arguments.of("[t](u 'title')", "L[u](\"t\")"),
                Arguments.of("![a cat](cat.png)", "L[cat.png](\"a cat\")"),
                Arguments.of("[a [nested] text](u)", "L[u](\"a [nested] text\")"),
                Arguments.of("[not a link] here", "\"[not a link] here\""),
                Arguments.of("*[it link](u)*", "I(L[u](\"it link\"))"),
                // autolinks and bare URLs
                Arguments.of("<https://example.com>", "A[https://example.com](\"https://example.com\")"),
                Arguments.of("<me@example.com>", "A[mailto:me@example.com](\"me@example.com\")"),
                Arguments.of("a <b> c", "\"a <b> c\""),
                Arguments.of("Go to https://example.com/a_b_c.", "\"Go to \" A[https://example.com/a_b_c](\"https://example.com/a_b_c\") \".\""),
                Arguments.of("(see https://example.com/x)", "\"(see \" A[https://example.com/x](\"https://example.com/x\") \")\""),
                Arguments.of("https://en.wikipedia.org/wiki/Foo_(bar)",
                        "A[https://en.wikipedia.org/wiki/Foo_(bar)](\"https://en.wikipedia.org/wiki/Foo_(bar)\")"),
                Arguments.of("visit www.example.com today", "\"visit \" A[http://www.example.com](\"www.example.com\") \" today\""),
                Arguments.of("**https://example.com**", "B(A[https://example.com](\"https://example.com\"))"),
                Arguments.of("https://", "\"https://\""),
                Arguments.of("nothttps://x", "\"nothttps://x\""),
                Arguments.of("[https://a.com](https://b.com)", "L[https://b.com](\"https://a.com\")"),
                // line breaks
                Arguments.of("a\nb", "\"a\" / \"b\""),
                Arguments.of("a\\\nb", "\"a\" / \"b\""),
                Arguments.of("**bold\nacross** lines", "B(\"bold\" / \"across\") \" lines\""));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void inlines(String markdown, String expected) {
        Block.Paragraph paragraph = (Block.Paragraph) MarkdownParser.parse(markdown).get(0);
        assertThat(Describe.inlines(paragraph.content())).isEqualTo(expected);
    }
}
