package dev.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.TestConfig;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code --bench --quick} for real (scripted provider, Parley, WebSocket clients, espeak-ng,
 * the small test Piper voice, a headless child JVM) and checks that it produced a sane page and
 * plot. It asserts no timing: the figures belong to the page, not to the test.
 */
class BenchSmokeTest {

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void aQuickRunWritesAPageWithEveryTableAndADecodablePlotAndKeepsTheNotes() throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve(BenchReport.PAGE), "old figures\n" + BenchReport.NOTES_MARKER + "\nMy analysis.\n");
        Path models = Files.createDirectories(dir.resolve("models"));
        for (String file : List.of("en_US-test-x_low.onnx", "en_US-test-x_low.onnx.json")) {
            Files.copy(Path.of("src/test/resources/voices", file), models.resolve(file));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Bench.run(TestConfig.openAi(dir, "http://127.0.0.1:9/v1", Map.of()),
                List.of("--quick", "--out", docs.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(code).isZero();
        String page = Files.readString(docs.resolve(BenchReport.PAGE));
        assertThat(page).doesNotContain("old figures").endsWith(BenchReport.NOTES_MARKER + "\nMy analysis.\n");
        assertThat(page).contains("## Targets", "## Relay, first token and first audio", "## Playback headroom",
                "## Voices", "## Memory and start", "![", BenchReport.NOTES_MARKER);
        assertThat(rows(page, "| 1 | espeak-ng |")).hasSize(1);
        assertThat(rows(page, "| 2 | espeak-ng |")).hasSize(1);
        assertThat(rows(page, "| 50 | ")).hasSize(1);
        assertThat(rows(page, "| en_US-test-x_low | piper |")).hasSize(1);
        assertThat(rows(page, "| espeak-ng:en-us | espeak-ng |")).hasSize(1);
        for (String row : rows(page, "| 1 | espeak-ng |")) {
            // Relay p50 and p99, added to first token, first audio: all measured, so all above zero.
            String[] cells = row.split("\\|");
            for (int cell = 4; cell <= 8; cell++) {
                Matcher number = NUMBER.matcher(cells[cell]);
                assertThat(number.find()).as("a figure in %s", cells[cell]).isTrue();
                do {
                    assertThat(Double.parseDouble(number.group())).isFinite().isPositive();
                } while (number.find());
            }
        }
        BufferedImage plot = ImageIO.read(docs.resolve(BenchReport.PLOT).toFile());
        assertThat(plot).isNotNull();
        assertThat(plot.getWidth()).isPositive();
    }

    private static List<String> rows(String page, String start) {
        return page.lines().filter(line -> line.startsWith(start)).toList();
    }
}
