package dev.parley.tts.download;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The {@code --list-voices} and {@code --download-voice} command-line options. Each method blocks,
 * writes what the person should read to the given streams and returns the process exit code:
 * {@value #OK} on success, {@value #FAILED} on any error.
 */
public final class VoiceCommands {

    public static final int OK = 0;
    public static final int FAILED = 1;

    private static final int SUGGESTIONS = 5;
    /** How long a Ctrl+C waits for the cancelled download to delete its partial files. */
    private static final Duration CLEANUP_WAIT = Duration.ofSeconds(5);

    private final CatalogueClient catalogueClient;
    private final VoiceDownloader downloader;
    private final ModelsFolder folder;
    private final boolean terminal;

    /**
     * Commands for a real run: a progress bar is drawn when the process has a console
     * ({@code System.console() != null}), plain lines otherwise.
     *
     * @param baseUrl the catalogue root, see {@link CatalogueClient#baseUrl(String)}
     * @param modelsDir where voices are installed
     */
    public VoiceCommands(OkHttpClient client, HttpUrl baseUrl, Path modelsDir) {
        this(client, baseUrl, modelsDir, System.console() != null);
    }

    /**
     * @param terminal whether {@code out} is a terminal, which selects the progress bar over plain
     *     progress lines
     */
    public VoiceCommands(OkHttpClient client, HttpUrl baseUrl, Path modelsDir, boolean terminal) {
        this.catalogueClient = new CatalogueClient(client, baseUrl);
        this.downloader = new VoiceDownloader(client, baseUrl);
        this.folder = new ModelsFolder(modelsDir);
        this.terminal = terminal;
    }

    /**
     * Prints the catalogue's voices with language, quality, download size and speaker count,
     * marking the ones installed in the models folder.
     *
     * @param language {@code en}, {@code en_US} or {@code en-US} (any case) to show one language
     *     or all its regions; {@code null} or blank for every voice
     */
    public int listVoices(String language, PrintStream out, PrintStream err) {
        String filter = language == null || language.isBlank() ? null : language.trim();
        VoiceCatalogue catalogue;
        try {
            catalogue = catalogueClient.fetch();
        } catch (CatalogueException e) {
            err.println(e.getMessage());
            return FAILED;
        }
        List<CatalogueVoice> voices = catalogue.forLanguage(filter);
        if (voices.isEmpty()) {
            err.println(filter == null
                    ? "the voice catalogue lists no voices"
                    : "no voices in the catalogue for language '" + filter + "'");
            return FAILED;
        }
        int keyWidth = Math.max("VOICE".length(),
                voices.stream().mapToInt(v -> v.key().length()).max().orElse(0));
        String row = "%-" + keyWidth + "s  %-8s  %-7s  %9s  %8s  %s";
        out.println(String.format(Locale.ROOT, row, "VOICE", "LANGUAGE", "QUALITY", "SIZE", "SPEAKERS", "")
                .stripTrailing());
        int installed = 0;
        for (CatalogueVoice voice : voices) {
            boolean here = folder.isInstalled(voice.key());
            installed += here ? 1 : 0;
            out.println(String.format(Locale.ROOT, row, voice.key(), voice.language().code(), voice.quality(),
                    Sizes.human(voice.sizeBytes()), voice.numSpeakers(), here ? "installed" : "")
                    .stripTrailing());
        }
        out.println(voices.size() + (voices.size() == 1 ? " voice, " : " voices, ") + installed
                + " installed in " + folder.dir() + ". Install with --download-voice ID.");
        return OK;
    }

    /**
     * Installs voices by catalogue key or alias into the models folder, one after the other,
     * skipping those already installed with the catalogue's exact files. Every id is looked up
     * before anything is downloaded; an unknown id fails the command with the closest names. The
     * first failed download stops the command. Ctrl+C cancels the running download and removes its
     * partial files before the process exits.
     */
    public int downloadVoices(List<String> ids, PrintStream out, PrintStream err) {
        if (ids.isEmpty()) {
            err.println("no voice given; name one or more voices from --list-voices");
            return FAILED;
        }
        VoiceCatalogue catalogue;
        try {
            catalogue = catalogueClient.fetch();
        } catch (CatalogueException e) {
            err.println(e.getMessage());
            return FAILED;
        }
        Optional<List<CatalogueVoice>> resolved = resolve(catalogue, ids, out, err);
        if (resolved.isEmpty()) {
            return FAILED;
        }
        for (CatalogueVoice voice : resolved.get()) {
            if (!install(voice, out, err)) {
                return FAILED;
            }
        }
        return OK;
    }

    private Optional<List<CatalogueVoice>> resolve(VoiceCatalogue catalogue, List<String> ids, PrintStream out,
            PrintStream err) {
        Map<String, CatalogueVoice> voices = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String id : ids) {
            Optional<CatalogueVoice> voice = catalogue.find(id);
            if (voice.isEmpty()) {
                unknown.add(id);
                continue;
            }
            if (!voice.get().key().equals(id)) {
                out.println(id + ": using voice " + voice.get().key());
            }
            voices.putIfAbsent(voice.get().key(), voice.get());
        }
        for (String id : unknown) {
            List<String> closest = catalogue.closestKeys(id, SUGGESTIONS);
            err.println("voice '" + id + "' not found in the catalogue; "
                    + (closest.isEmpty()
                            ? "see --list-voices"
                            : "closest: " + String.join(", ", closest)));
        }
        return unknown.isEmpty() ? Optional.of(List.copyOf(voices.values())) : Optional.empty();
    }

    private boolean install(CatalogueVoice voice, PrintStream out, PrintStream err) {
        if (folder.isInstalled(voice.key())) {
            if (matchesCatalogue(voice, err)) {
                out.println("voice " + voice.key() + " is already installed in " + folder.dir());
                return true;
            }
            out.println("voice " + voice.key() + " is installed but differs from the catalogue; downloading it again");
        }
        out.println("downloading voice " + voice.key() + " (" + Sizes.human(voice.sizeBytes()) + ") into "
                + folder.dir());
        ConsoleProgress progress = new ConsoleProgress(out, terminal, System::nanoTime);
        try {
            runCancellingOnShutdown(downloader.newDownload(voice, folder.dir(), progress));
        } catch (DownloadException e) {
            progress.endLine();
            err.println(e.getMessage());
            return false;
        }
        out.println("installed voice " + voice.key());
        return true;
    }

    private boolean matchesCatalogue(CatalogueVoice voice, PrintStream err) {
        try {
            return folder.matchesCatalogue(voice);
        } catch (IOException e) {
            err.println("cannot read the installed files of " + voice.key() + ": " + e);
            return false;
        }
    }

    /**
     * Runs the download on this thread while a shutdown hook stands ready to cancel it: on Ctrl+C
     * the JVM runs its hooks and then halts, so without one the {@code .part} files would remain.
     */
    private static void runCancellingOnShutdown(VoiceDownload download) throws DownloadException {
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            download.cancel();
            try {
                finished.await(CLEANUP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "voice-download-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            download.run();
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shutdownInProgress) {
                // The hook is already running and ends on its own once it sees the latch.
            }
        }
    }
}
