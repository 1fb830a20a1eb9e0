package dev.parley.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plays through the real Java Sound ALSA path into a file. Each scenario runs {@link AlsaScenario} in
 * a child JVM whose HOME holds an {@code .asoundrc} making ALSA's default device a {@code file}
 * plugin over the {@code null} device: every line opened writes a WAV file ({@code played.wav}, then
 * {@code played.wav.0001}, ... as {@code truncate false} never overwrites) holding exactly the bytes
 * written to it. A child JVM is needed because ALSA reads {@code $HOME/.asoundrc} when Java Sound
 * first uses it, and a JVM cannot change its own environment. Needs only libasound2 (a dependency of
 * the JDK's sound library); no sound card, server or aplay.
 */
@Timeout(120)
class AlsaPlaybackTest {

    private static final long CHILD_TIMEOUT_SECONDS = 60;

    @TempDir
    Path home;

    @Test
    void playsEnqueuedChunksInOrderOnOneLine() throws Exception {
        Run run = run("sequence", fileDevice());

        assertThat(run.played()).hasSize(1);
        assertThat(run.played().get(0).sampleRate()).isEqualTo(16000);
        assertThat(bytesOf(run.played().get(0))).isEqualTo(Signals.bytes(AlsaScenario.SEQUENCE.toArray(Pcm[]::new)));
        assertThat(run.events()).containsExactly(
                "started 0", "finished 0", "started 1", "finished 1", "started 2", "finished 2",
                "turn 3 " + Signals.bytes(AlsaScenario.SEQUENCE.toArray(Pcm[]::new)).length + " false");
    }

    @Test
    void rateChangeReopensTheLineAndPlaysBothParts() throws Exception {
        Run run = run("rate-change", fileDevice());

        List<Pcm> expected = AlsaScenario.RATE_CHANGE;
        assertThat(run.played()).extracting(Pcm::sampleRate).containsExactly(16000, 22050);
        assertThat(bytesOf(run.played().get(0))).isEqualTo(Signals.bytes(expected.get(0)));
        assertThat(bytesOf(run.played().get(1))).isEqualTo(Signals.bytes(expected.get(1), expected.get(2)));
        assertThat(run.events()).last().asString().startsWith("turn 3 ").endsWith(" false");
    }

    @Test
    void halfVolumeHalvesSamplesAndMuteWritesSilence() throws Exception {
        Run run = run("volume", fileDevice());

        assertThat(run.played()).hasSize(1);
        assertThat(bytesOf(run.played().get(0))).isEqualTo(Signals.bytes(
                Signals.halved(AlsaScenario.HALF_VOLUME), new Pcm(new short[AlsaScenario.MUTED.samples().length], 16000)));
    }

    @Test
    void stopTruncatesTheChunkPlayingDropsTheRestAndLaterAudioStillPlays() throws Exception {
        Run run = run("stop", fileDevice());

        assertThat(run.played()).as("the line stays open across the stop").hasSize(1);
        byte[] played = bytesOf(run.played().get(0));
        byte[] before = Signals.bytes(AlsaScenario.BEFORE_STOP);
        byte[] cut = Signals.bytes(AlsaScenario.CUT);
        byte[] after = Signals.bytes(AlsaScenario.AFTER_STOP);
        byte[] cutPart = Arrays.copyOfRange(played, before.length, played.length - after.length);
        assertThat(Arrays.copyOf(played, before.length)).isEqualTo(before);
        assertThat(cutPart).hasSizeGreaterThanOrEqualTo(AlsaScenario.CUT_AFTER_BYTES).hasSizeLessThan(cut.length)
                .isEqualTo(Arrays.copyOf(cut, cutPart.length));
        assertThat(Arrays.copyOfRange(played, played.length - after.length, played.length)).isEqualTo(after);
        assertThat(run.events()).containsExactly(
                "started before", "finished before", "started cut",
                "turn 1 " + (before.length + cutPart.length) + " true",
                "started 0", "finished 0", "turn 1 " + after.length + " false");
    }

    @Test
    void withoutAnyDeviceReportsNoAudioOutputOnceAndFinishesTurns() throws Exception {
        Run run = run("no-device", "pcm.!default { type hw card 31 }\nctl.!default { type hw card 31 }\n");

        assertThat(run.played()).isEmpty();
        assertThat(run.events()).hasSize(3);
        assertThat(run.events().get(0)).startsWith("unavailable no audio output");
        assertThat(run.events().subList(1, 3)).containsExactly("turn 0 0 false", "turn 0 0 false");
    }

    private String fileDevice() {
        return "pcm.!default { type file slave.pcm \"null\" file \"" + home.resolve("played.wav")
                + "\" format \"wav\" truncate false }\nctl.!default { type null }\n";
    }

    private Run run(String scenario, String asoundrc) throws IOException, InterruptedException {
        Files.writeString(home.resolve(".asoundrc"), asoundrc);
        Path stdout = home.resolve("stdout.txt");
        Path stderr = home.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Surefire's fork sets java.class.path to the full test class path.
                "-cp", System.getProperty("java.class.path"),
                AlsaScenario.class.getName(), scenario)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment().put("HOME", home.toString());
        builder.environment().remove("XDG_CONFIG_HOME");
        Process child = builder.start();
        if (!child.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("scenario " + scenario + " did not finish; stderr:\n" + Files.readString(stderr));
        }
        assertThat(child.exitValue()).as("exit of scenario %s; stderr:%n%s", scenario, Files.readString(stderr))
                .isZero();
        return new Run(Files.readAllLines(stdout, StandardCharsets.UTF_8), playedFiles());
    }

    /** The WAV files the file device wrote, one per line opened, in opening order. */
    private List<Pcm> playedFiles() throws IOException {
        List<Pcm> played = new ArrayList<>();
        try (Stream<Path> files = Files.list(home)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("played.wav"))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString())).toList()) {
                played.add(Wav.decode(Files.readAllBytes(file)));
            }
        }
        return played;
    }

    private static byte[] bytesOf(Pcm pcm) {
        return pcm.toLittleEndianBytes();
    }

    private record Run(List<String> events, List<Pcm> played) {
    }
}
