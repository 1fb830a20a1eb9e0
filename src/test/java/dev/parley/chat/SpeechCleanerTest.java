package dev.parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpeechCleanerTest {

    static Stream<Arguments> markup() {
        return Stream.of(
                // emphasis
                Arguments.of("**bold** and *italic*", "bold and italic"),
                Arguments.of("__bold__ and _italic_", "bold and italic"),
                Arguments.of("~~struck~~ text", "struck text"),
                Arguments.of("***both*** at once", "both at once"),
                Arguments.of("**unbalanced start of bold", "unbalanced start of bold"),
                Arguments.of("end of bold** here.", "end of bold here."),
                Arguments.of("\\*escaped stars\\*", "escaped stars"),
                Arguments.of("x_1 and __init__ and _private", "x_1 and init and private"),
                Arguments.of("3 * 4 = 12 and 2*5", "3 × 4 = 12 and 2 × 5"),
                // headers
                Arguments.of("# Title", "Title."),
                Arguments.of("## Is it ready?", "Is it ready?"),
                Arguments.of("### Setup ###", "Setup."),
                Arguments.of("Setext title\n=====", "Setext title"),
                Arguments.of("#hashtag stays", "#hashtag stays"),
                // lists and quotes
                Arguments.of("- first item", "first item."),
                Arguments.of("* starred item", "starred item."),
                Arguments.of("+ plus item", "plus item."),
                Arguments.of("1. First step", "First step."),
                Arguments.of("12) Twelfth step!", "Twelfth step!"),
                Arguments.of("- [x] done task", "done task."),
                Arguments.of("  - **Bold lead:** details", "Bold lead: details."),
                Arguments.of("- one\n- two\n- three", "one. two. three."),
                Arguments.of("> quoted text", "quoted text"),
                Arguments.of("> > nested quote", "nested quote"),
                Arguments.of("> - quoted item", "quoted item."),
                // tables and rules
                Arguments.of("| Name | Age |", "Name, Age."),
                Arguments.of("|---|:---:|", ""),
                Arguments.of("| --- | --- |", ""),
                Arguments.of("| Tool | `npm` | 🎉 |", "Tool, npm."),
                Arguments.of("---", ""),
                Arguments.of("* * *", ""),
                Arguments.of("___", ""),
                // links, images, URLs, HTML
                Arguments.of("See [the docs](https://example.com/docs) now.", "See the docs now."),
                Arguments.of("A [wiki](https://en.wikipedia.org/wiki/Foo_(bar)) page", "A wiki page"),
                Arguments.of("Read [the guide][1] first.", "Read the guide first."),
                Arguments.of("[1]: https://example.com/guide", ""),
                Arguments.of("![a cat on a mat](cat.png)", "a cat on a mat"),
                Arguments.of("the start of a [link that was cut.", "the start of a link that was cut."),
                Arguments.of("cut](https://example.com/x) off.", "cut off."),
                Arguments.of("Visit https://example.com/a?b=c for more.", "Visit for more."),
                Arguments.of("Learn more at https://docs.oracle.com/en/java/.", "Learn more at."),
                Arguments.of("Server at http://localhost:8080/api, then", "Server at, then"),
                Arguments.of("Or www.example.org today", "Or today"),
                Arguments.of("Mirror (www.example.org/a_(b)) and _www.x.org_ too", "Mirror and too"),
                Arguments.of("ftp://files.example.org/pub/x.tar.gz is old", "is old"),
                Arguments.of("See https://en.wikipedia.org/wiki/Mercury_(planet) for details.", "See for details."),
                Arguments.of("Also see https://en.wikipedia.org/wiki/Mercury_(planet).", "Also see."),
                Arguments.of("Go to https://x.org/find?q=(a+b)&n=2 now!", "Go to now!"),
                Arguments.of("The page (https://x.org/a) explains it.", "The page explains it."),
                Arguments.of("It is explained there, see https://x.org/a.", "It is explained there, see."),
                Arguments.of("Sources: https://x.org/a, https://y.org/b, and more.", "Sources: and more."),
                Arguments.of("_https://x.org/a_ and **https://y.org** here", "and here"),
                Arguments.of("Read [the docs](https://x.org/a) and https://x.org/b.", "Read the docs and."),
                Arguments.of("See [https://x.org/a](https://x.org/a)!", "See!"),
                Arguments.of("Open <https://example.com/x> now", "Open now"),
                Arguments.of("Write to <mailto:a@b.org> today", "Write to today"),
                // square brackets that are not links: espeak-ng reads [[...]] as phonemes
                Arguments.of("The matrix [[1, 2], [3, 4]] is here.", "The matrix 1, 2, 3, 4 is here."),
                Arguments.of("Needs proof [citation needed].", "Needs proof citation needed."),
                Arguments.of("[[x]] and [a] [b]", "x and a b"),
                Arguments.of("Escaped \\[\\[x\\]\\] and &#91;&#91;y&#93;&#93; too", "Escaped x and y too"),
                Arguments.of("Line<br>break and <b>bold</b>", "Line break and bold"),
                Arguments.of("<!-- hidden --> shown", "shown"),
                Arguments.of("Tom &amp; Jerry &#8212; friends", "Tom & Jerry — friends"),
                // code
                Arguments.of("Run `npm install` first.", "Run npm install first."),
                Arguments.of("Use `ls`.", "Use ls."),
                Arguments.of("Edit `pom.xml` and `snake_case`", "Edit pom.xml and snake_case"),
                Arguments.of("Call `foo(bar)` now.", "Call now."),
                Arguments.of("Override `equals()` first.", "Override first."),
                Arguments.of("Run: `make(all)`.", "Run."),
                Arguments.of("Run `rm -rf /tmp/x` carefully", "Run carefully"),
                Arguments.of("A ``code with ` tick`` here", "A here"),
                Arguments.of("stray ` backtick", "stray backtick"),
                Arguments.of("Before:\n```python\nprint('x. y')\n```\nAfter.", "Before: After."),
                Arguments.of("~~~\ncode\n~~~", ""),
                Arguments.of("```\nunclosed code. more", ""),
                // emoji and pictographs
                Arguments.of("Great job 🎉!", "Great job!"),
                Arguments.of("👍🏽 thumbs up", "thumbs up"),
                Arguments.of("family 👨‍👩‍👧 here", "family here"),
                Arguments.of("flag 🇯🇵 and ❤️ heart", "flag and heart"),
                Arguments.of("keycap 1️⃣ one", "keycap 1 one"),
                Arguments.of("Scotland 🏴󠁧󠁢󠁳󠁣󠁴󠁿 flag", "Scotland flag"),
                Arguments.of("sun ☀ and star ⭐", "sun and star"),
                Arguments.of("🎉🎉 !!", ""),
                // whitespace
                Arguments.of("a\n\n   b\t c", "a b c"),
                Arguments.of("  \n ", ""));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("markup")
    void removesMarkupThatShouldNotBeSpoken(String markdown, String spoken) {
        assertThat(SpeechCleaner.clean(markdown)).isEqualTo(spoken);
    }

    @ParameterizedTest
    @ValueSource(strings = {"equals()", "f(x)", "x = 1", "a==b", "{}", "a/b", "List<String>", "i++;",
            "$HOME", "x => y", "a[0]", "@Override", "~/x", "a:b", "50%", "a|b", "'q'", "\"s\"", "a\\b",
            "a && b", "a,b", "*ptr", "x^2", "!done", "?", "-rf", ".env", "_id"})
    void dropsInlineCodeWithCodeSymbols(String code) {
        assertThat(SpeechCleaner.clean("Type `" + code + "` now.")).isEqualTo("Type now.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ls", "npm install", "pom.xml", "snake_case", "C++", "C#", "docker-compose up",
            "v1.2.3", "README.md"})
    void speaksShortPlainInlineCodeAsWords(String code) {
        assertThat(SpeechCleaner.clean("Type `" + code + "` now.")).isEqualTo("Type " + code + " now.");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Pi is 3.14, e.g. roughly.",
            "The U.S. economy grew.",
            "It costs $2.50 or €3, about 50%.",
            "snake_case names",
            "C++ and C# are languages.",
            "Don't stop, it's fine.",
            "A naïve café in Zürich.",
            "日本語のテキストです。",
            "Привет, мир!",
            "مرحبا بالعالم",
            "क्\u200Dष is a conjunct.",
            "Java™ and © 2024 and ®",
            "Is 5 > 3? Yes, and 2 < 4.",
            "Wait... then it worked (mostly).",
            "Visit example.com or read notes.txt now.",
            "He said \"hello\" and 'bye'.",
            "Times: 10:30 a.m., 1–2 p.m. — fine.",
    })
    void keepsOrdinaryText(String text) {
        assertThat(SpeechCleaner.clean(text)).isEqualTo(text);
    }

    static Stream<Arguments> longUrls() {
        String path = "a.b/c-d_e".repeat(5_000);
        String base64 = "QUJD".repeat(10_000);
        return Stream.of(
                Arguments.of("See https://x.org/" + path + ". Then", "See. Then"),
                Arguments.of("See https://x.org/" + path + "_(f) now", "See now"),
                Arguments.of("![a cat](data:image/png;base64," + base64 + ") here", "a cat here"),
                Arguments.of("[a cat](https://x.org/" + path + "(f)" + path + ") here", "a cat here"),
                Arguments.of("cut](https://x.org/" + path + ") off.", "cut off."));
    }

    /** A whole chunk may be one URL or data URI many thousands of characters long. */
    @ParameterizedTest
    @MethodSource("longUrls")
    void removesVeryLongUrlsWhole(String markdown, String spoken) {
        assertThat(SpeechCleaner.clean(markdown)).isEqualTo(spoken);
    }

    static Stream<Arguments> degenerateLines() {
        return Stream.of(
                Arguments.of("-".repeat(20_000), ""),
                Arguments.of("_ ".repeat(20_000), ""),
                Arguments.of("*".repeat(20_000), ""),
                Arguments.of("|" + "---|".repeat(20_000), ""),
                Arguments.of(">".repeat(20_000) + " quoted", "quoted"),
                Arguments.of("a" + ", ".repeat(20_000) + "b.", "a, b."),
                Arguments.of("See https://x.org/" + "(b)".repeat(20_000) + " now",
                        "See " + "(b)".repeat(20_000 - 8) + " now"),
                Arguments.of("[a](x" + "(b)".repeat(20_000) + ") now", "a (x" + "(b)".repeat(20_000) + ") now"));
    }

    /** A model stuck repeating itself can write a line many thousands of characters long. */
    @ParameterizedTest
    @MethodSource("degenerateLines")
    void cleansLinesOfEndlessRepetitionWithoutOverflowingTheStack(String markdown, String spoken) {
        assertThat(SpeechCleaner.clean(markdown)).isEqualTo(spoken);
    }

    @Test
    void neverReadsMarkupSymbolsOfUnbalancedChunksAloud() {
        String reply = "## Plan\n**Step one. Then** step _two. Done_ with ~~old. new~~ ideas. "
                + "See [the guide. It helps](https://x.org/a.b). | a | b |\n> Quote. More.";
        SpeechChunker chunker = new SpeechChunker(new SpeechChunker.Options(4, 200, 0));
        List<SpeechChunk> chunks = new java.util.ArrayList<>(chunker.append(reply));
        chunks.addAll(chunker.finish());

        assertThat(chunks).hasSizeGreaterThan(5).allSatisfy(chunk ->
                assertThat(chunk.spoken()).doesNotContain("*", "_", "~", "[", "]", "(", ")", "#", "|", ">", "http"));
    }
}
