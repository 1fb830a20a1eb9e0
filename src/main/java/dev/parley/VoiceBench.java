package dev.parley;

import dev.parley.audio.Pcm;
import dev.parley.chat.SpeechChunk;
import dev.parley.chat.SpeechChunker;
import dev.parley.config.Config;
import dev.parley.tts.SpeechSettings;
import dev.parley.tts.Synthesizer;
import dev.parley.tts.TtsException;
import dev.parley.tts.Voice;
import dev.parley.tts.VoiceSelection;
import dev.parley.tts.VoiceSelectionException;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --bench-voices}: speaks a fixed paragraph, cut into chunks as a streamed reply would be,
 * with every installed Piper voice and with espeak-ng, and prints how fast each is: the time to
 * load the voice (with a warm-up sentence), then the steady-state real-time factor and time per
 * chunk. A benchmark, not a test: the figures depend on the machine.
 */
final class VoiceBench {

    static final String PARAGRAPH = "Sure, here is a quick overview. The Moon orbits the Earth about once every "
            + "twenty-seven days, and its gravity drives the ocean tides. Astronauts first walked on its surface "
            + "in 1969! Today, several space agencies plan to return, this time to stay longer. Would you like "
            + "to hear more about the missions?";

    /** Spoken once before timing, so that loading and first-run costs stay out of RTF and ms/chunk. */
    static final String WARM_UP = "Hello.";

    private VoiceBench() {
    }

    static int run(Config config, PrintStream out, PrintStream err) {
        try (Parley parley = Parley.create(config)) {
            List<SpeechChunk> chunks = chunks();
            out.printf("Paragraph: %d characters in %d chunks, %d cores, %d ONNX threads per voice%n%n",
                    PARAGRAPH.length(), chunks.size(), Runtime.getRuntime().availableProcessors(),
                    config.onnxThreads());
            out.printf("%-32s %-9s %7s %9s %8s %9s %10s %9s%n", "voice", "engine", "rate Hz", "load ms", "RTF",
                    "first ms", "ms/chunk", "audio s");
            int measured = 0;
            for (Voice voice : benchVoices(parley)) {
                if (!voice.available()) {
                    out.printf("%-32s %-9s unavailable: %s%n", voice.id(), voice.engine(), voice.reason());
                    continue;
                }
                try {
                    out.println(measure(parley, voice, chunks));
                    measured++;
                } catch (TtsException | VoiceSelectionException e) {
                    out.printf("%-32s %-9s failed: %s%n", voice.id(), voice.engine(), e.getMessage());
                }
            }
            out.println();
            out.println("load ms = loading the voice and speaking \"" + WARM_UP + "\" once, to warm up. After that:");
            out.println("RTF = compute time / audio time over all chunks (below 1 is faster than real time); "
                    + "first ms = time to the first chunk; ms/chunk = mean time per chunk.");
            return measured > 0 ? 0 : 1;
        } catch (IOException e) {
            err.println("parley: " + e.getMessage());
            return 1;
        }
    }

    private static List<SpeechChunk> chunks() {
        SpeechChunker chunker = new SpeechChunker();
        List<SpeechChunk> chunks = new ArrayList<>();
        for (String word : PARAGRAPH.split("(?<= )")) {
            chunks.addAll(chunker.append(word));
        }
        chunks.addAll(chunker.finish());
        chunks.removeIf(chunk -> chunk.spoken().isBlank());
        return chunks;
    }

    /** Installed Piper voices, then espeak-ng's voice for the default language. */
    private static List<Voice> benchVoices(Parley parley) {
        List<Voice> voices = new ArrayList<>();
        for (Voice voice : parley.voices()) {
            if (voice.engine().equals("piper")) {
                voices.add(voice);
            }
        }
        parley.voices().stream()
                .filter(v -> v.engine().equals("espeak-ng") && v.available())
                .filter(v -> v.language().equals(parley.config().language()))
                .findFirst()
                .ifPresent(voices::add);
        return voices;
    }

    private static String measure(Parley parley, Voice voice, List<SpeechChunk> chunks)
            throws TtsException, VoiceSelectionException {
        VoiceSelection selection = parley.voiceSelector().select(voice.id(), null);
        if (!(selection instanceof VoiceSelection.Chosen chosen)) {
            throw new TtsException("no engine for " + voice.id());
        }
        Synthesizer synthesizer = chosen.synthesizer(SpeechSettings.DEFAULT);
        long loadStart = System.nanoTime();
        int sampleRate = synthesizer.synthesize(WARM_UP).sampleRate();
        long loadNanos = System.nanoTime() - loadStart;
        long computeNanos = 0;
        long firstNanos = 0;
        long audioMillis = 0;
        for (SpeechChunk chunk : chunks) {
            long start = System.nanoTime();
            Pcm pcm = synthesizer.synthesize(chunk.spoken());
            long elapsed = System.nanoTime() - start;
            if (computeNanos == 0) {
                firstNanos = elapsed;
            }
            computeNanos += elapsed;
            audioMillis += pcm.durationMillis();
        }
        double rtf = audioMillis == 0 ? Double.NaN : (computeNanos / 1e6) / audioMillis;
        return String.format("%-32s %-9s %7d %9.1f %8.3f %9.1f %10.1f %9.2f", voice.id(), voice.engine(),
                sampleRate, loadNanos / 1e6, rtf, firstNanos / 1e6, computeNanos / 1e6 / chunks.size(),
                audioMillis / 1000.0);
    }
}
