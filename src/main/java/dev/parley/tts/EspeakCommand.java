package dev.parley.tts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The espeak-ng program, shared by the espeak-ng voice and the Piper phonemizer. Whether it is
 * installed is found out once, at construction ({@code --version}, then {@code --voices} for the
 * language table); a missing program is no error here, it is reported by
 * {@link #unavailableReason()} so that /health can say why.
 *
 * <p>Thread-safe: every {@link #run} starts its own process.
 */
public final class EspeakCommand {

    public static final String DEFAULT_EXECUTABLE = "espeak-ng";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(EspeakCommand.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);
    private static final String INSTALL_HINT = "apt-get install espeak-ng";

    private final String executable;
    private final Duration timeout;
    private final String version;
    private final EspeakLanguages languages;
    private final String unavailableReason;
    private final AtomicLong runs = new AtomicLong();

    /**
     * Probes the program.
     *
     * @param executable the program name (looked up on PATH) or path, e.g. {@link #DEFAULT_EXECUTABLE}
     * @param timeout how long one synthesis or phonemization may take before the process is killed
     */
    public EspeakCommand(String executable, Duration timeout) {
        this.executable = Objects.requireNonNull(executable, "executable");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        String foundVersion = "";
        EspeakLanguages foundLanguages = EspeakLanguages.parse("");
        String reason = null;
        try {
            foundVersion = probe("--version").strip();
            foundLanguages = EspeakLanguages.parse(probe("--voices"));
            if (foundLanguages.languages().isEmpty()) {
                reason = executable + " --voices listed no voices";
            }
        } catch (IOException e) {
            reason = "espeak-ng is not installed: " + INSTALL_HINT
                    + (executable.equals(DEFAULT_EXECUTABLE) ? "" : " (or fix the path '" + executable + "')");
        } catch (TtsException e) {
            reason = e.getMessage();
        }
        this.version = foundVersion;
        this.languages = foundLanguages;
        this.unavailableReason = reason;
        if (reason == null) {
            LOG.info("Using {}", version.lines().findFirst().orElse(executable));
        } else {
            LOG.warn("espeak-ng unavailable: {}", reason);
        }
    }

    /** Why espeak-ng cannot be used; empty when it can. */
    public Optional<String> unavailableReason() {
        return Optional.ofNullable(unavailableReason);
    }

    /** What {@code --version} printed; empty when unavailable. */
    public String version() {
        return version;
    }

    EspeakLanguages languages() {
        return languages;
    }

    /** Processes started by {@link #run} so far; lets tests see how many spawns a chunk costs. */
    long runCount() {
        return runs.get();
    }

    /**
     * Runs espeak-ng with {@code arguments} and {@code text} on its standard input, as UTF-8 and as
     * {@link #plainText plain text}.
     *
     * @return what it wrote to stdout
     * @throws TtsException when it is unavailable, fails, times out, or the thread is interrupted
     *     (the interrupt flag is kept and the process killed)
     */
    byte[] run(List<String> arguments, String text) throws TtsException {
        if (unavailableReason != null) {
            throw new TtsException(unavailableReason);
        }
        runs.incrementAndGet();
        ProcessRunner.Result result;
        try {
            result = execute(arguments, plainText(text), timeout);
        } catch (IOException e) {
            throw new TtsException("cannot run " + executable + ": " + e.getMessage(), e);
        }
        if (result.exitCode() != 0) {
            throw new TtsException(executable + " failed: " + result.failure());
        }
        return result.stdout();
    }

    /**
     * Text that espeak-ng's command line reads as nothing but text: it always takes {@code [[...]]}
     * for phoneme mnemonics, so square brackets become round ones, and U+0001 for the start of an
     * embedded command, so control characters other than line breaks and tabs become spaces.
     */
    static String plainText(String text) {
        StringBuilder plain = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            plain.append(switch (c) {
                case '[' -> '(';
                case ']' -> ')';
                case '\n', '\r', '\t' -> c;
                default -> Character.isISOControl(c) ? ' ' : c;
            });
        }
        return plain.toString();
    }

    private String probe(String option) throws IOException, TtsException {
        ProcessRunner.Result result = execute(List.of(option), "", PROBE_TIMEOUT);
        if (result.exitCode() != 0) {
            throw new TtsException(executable + " " + option + " failed: " + result.failure());
        }
        return new String(result.stdout(), StandardCharsets.UTF_8);
    }

    private ProcessRunner.Result execute(List<String> arguments, String stdin, Duration limit)
            throws IOException, TtsException {
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(arguments);
        try {
            return ProcessRunner.run(command, stdin.getBytes(StandardCharsets.UTF_8), limit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TtsException(executable + " was interrupted");
        } catch (TimeoutException e) {
            throw new TtsException(e.getMessage());
        }
    }
}
