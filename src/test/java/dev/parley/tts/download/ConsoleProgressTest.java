package dev.parley.tts.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    private static final CatalogueFile SMALL = new CatalogueFile("en/x/a.onnx", 2000, "00112233445566778899aabbccddeeff");
    private static final CatalogueFile BIG = new CatalogueFile("en/x/b.onnx", 4_000_000, "00112233445566778899aabbccddeeff");

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);

    @Test
    void withoutATerminalPrintsALinePerFileStartTenPercentStepAndVerification() {
        ConsoleProgress progress = new ConsoleProgress(out, false, clock::get);

        progress.fileStarted(SMALL);
        progress.progress(SMALL, 300, 2000);
        progress.progress(SMALL, 900, 2000);
        progress.progress(SMALL, 1000, 2000);
        progress.progress(SMALL, 1100, 2000);
        progress.progress(SMALL, 2000, 2000);
        progress.fileVerified(SMALL);
        progress.endLine();

        assertThat(output()).isEqualTo(lines(
                "a.onnx: downloading 2.0 kB",
                "a.onnx: 10% (0.3/2.0 kB)",
                "a.onnx: 40% (0.9/2.0 kB)",
                "a.onnx: 50% (1.0/2.0 kB)",
                "a.onnx: done, 2.0 kB, size and md5 OK"));
    }

    @Test
    void withoutATerminalStartsCountingAgainForTheNextFile() {
        ConsoleProgress progress = new ConsoleProgress(out, false, clock::get);
        progress.fileStarted(SMALL);
        progress.progress(SMALL, 2000, 2000);
        progress.fileVerified(SMALL);

        progress.fileStarted(BIG);
        progress.progress(BIG, 400_000, 4_000_000);

        assertThat(output()).endsWith(lines("b.onnx: downloading 4.0 MB", "b.onnx: 10% (0.4/4.0 MB)"));
    }

    @Test
    void onATerminalRedrawsTheBarInPlaceAtMostEveryTenthOfASecond() {
        ConsoleProgress progress = new ConsoleProgress(out, true, clock::get);

        progress.fileStarted(BIG);
        advance(50);
        progress.progress(BIG, 1_000_000, 4_000_000);
        advance(950);
        progress.progress(BIG, 2_000_000, 4_000_000);
        advance(10);
        progress.progress(BIG, 2_100_000, 4_000_000);
        advance(990);
        progress.progress(BIG, 4_000_000, 4_000_000);
        progress.fileVerified(BIG);

        String first = ProgressBar.render("b.onnx", 0, 4_000_000, 0);
        String second = ProgressBar.render("b.onnx", 2_000_000, 4_000_000, 2_000_000);
        String done = ProgressBar.render("b.onnx", 4_000_000, 4_000_000, 2_000_000);
        assertThat(output()).isEqualTo("\r" + first + "\r" + second + padding(first, second)
                + "\r" + done + padding(second, done) + "\r" + done + "  size and md5 OK" + System.lineSeparator());
    }

    @Test
    void onATerminalBlanksTheRestOfALongerPreviousLine() {
        ConsoleProgress progress = new ConsoleProgress(out, true, clock::get);
        progress.fileStarted(BIG);
        advance(1000);
        progress.progress(BIG, 150_000, 4_000_000);
        advance(1000);
        progress.progress(BIG, 4_000_000, 4_000_000);

        String slow = ProgressBar.render("b.onnx", 150_000, 4_000_000, 150_000);
        String fast = ProgressBar.render("b.onnx", 4_000_000, 4_000_000, 2_000_000);
        assertThat(slow.length()).isGreaterThan(fast.length());
        assertThat(output()).endsWith("\r" + slow + "\r" + fast + " ".repeat(slow.length() - fast.length()));
    }

    @Test
    void endLineFinishesAnInterruptedBarOnlyOnce() {
        ConsoleProgress progress = new ConsoleProgress(out, true, clock::get);
        progress.fileStarted(BIG);

        progress.endLine();
        progress.endLine();

        assertThat(output()).isEqualTo("\r" + ProgressBar.render("b.onnx", 0, 4_000_000, 0) + System.lineSeparator());
    }

    @Test
    void endLineAfterACompletedBarPrintsNothing() {
        ConsoleProgress progress = new ConsoleProgress(out, true, clock::get);
        progress.fileStarted(SMALL);
        progress.fileVerified(SMALL);
        String before = output();

        progress.endLine();

        assertThat(output()).isEqualTo(before);
    }

    private void advance(long millis) {
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String padding(String previous, String current) {
        return " ".repeat(Math.max(0, previous.length() - current.length()));
    }

    private static String lines(String... lines) {
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }
}
