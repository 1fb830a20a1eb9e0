package dev.parley.bench;

import dev.parley.Parley;
import dev.parley.config.Config;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --bench-voices}: prints how fast every installed Piper voice and espeak-ng speak (see
 * {@link VoiceTimings}). A benchmark, not a test: the figures depend on the machine.
 */
public final class VoiceBench {

    private VoiceBench() {
    }

    /** Measures and prints; returns the exit code: 0 when at least one voice was measured. */
    public static int run(Config config, PrintStream out, PrintStream err) {
        try (Parley parley = Parley.create(config)) {
            out.printf("Paragraph: %d characters, %d cores, %d ONNX threads per voice%n%n",
                    VoiceTimings.PARAGRAPH.length(), Runtime.getRuntime().availableProcessors(), config.onnxThreads());
            List<String> problems = new ArrayList<>();
            List<VoiceFigures> figures = VoiceTimings.measureAll(parley, problems::add);
            out.printf("%-32s %-9s %7s %9s %8s %9s %10s %9s%n", "voice", "engine", "rate Hz", "load ms", "RTF",
                    "first ms", "ms/chunk", "audio s");
            for (VoiceFigures f : figures) {
                out.printf("%-32s %-9s %7d %9.1f %8.3f %9.1f %10.1f %9.2f%n", f.voiceId(), f.engine(),
                        f.sampleRate(), f.loadMs(), f.realTimeFactor(), f.firstChunkMs(), f.msPerChunk(),
                        f.audioSeconds());
            }
            problems.forEach(out::println);
            out.println();
            out.println("load ms = loading the voice and speaking \"" + VoiceTimings.WARM_UP
                    + "\" once, to warm up. After that:");
            out.println("RTF = compute time / audio time over all chunks (below 1 is faster than real time); "
                    + "first ms = time to the first chunk; ms/chunk = mean time per chunk.");
            return figures.isEmpty() ? 1 : 0;
        } catch (IOException e) {
            err.println("parley: " + e.getMessage());
            return 1;
        }
    }
}
