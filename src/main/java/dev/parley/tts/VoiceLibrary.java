package dev.parley.tts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Piper voices ({@code NAME.onnx} next to {@code NAME.onnx.json}) in a list of folders, e.g.
 * {@code PARLEY_MODELS_DIR} and the user data folder's {@code models/}. Folders are read flat (no
 * sub-folders); a folder that does not exist holds no voices; when two folders hold the same name
 * the earlier folder wins.
 *
 * <p>The folders are scanned at construction and again by {@link #voices()} whenever the names,
 * sizes or modification times of their voice files changed, so a voice copied in while the app runs
 * is picked up without a restart (and one still being copied shows as broken until it is complete).
 *
 * <p>A broken voice never stops the others: a model without config (or the reverse), a config that is
 * not valid Piper JSON or lacks required fields, a model file that is not ONNX or whose graph lacks
 * Piper's inputs ({@link PiperSignature}) is listed unavailable with the reason, logged once.
 * Failures only seen when ONNX Runtime loads the model (graphs it rejects) are reported back with
 * {@link #markBroken}.
 *
 * <p>Thread-safe.
 */
public final class VoiceLibrary {

    static final String MODEL_SUFFIX = ".onnx";
    static final String CONFIG_SUFFIX = ".onnx.json";
    private static final String MISSING = "-";

    private static final Logger LOG = LoggerFactory.getLogger(VoiceLibrary.class);

    private final List<Path> folders;
    private final List<Consumer<List<LibraryVoice>>> rescanListeners = new CopyOnWriteArrayList<>();
    private Map<Path, String> stamps = Map.of();
    private Map<String, LibraryVoice> voices = Map.of();

    public VoiceLibrary(List<Path> folders) {
        this.folders = List.copyOf(folders);
        refresh();
    }

    /** The folders scanned, in priority order. */
    public List<Path> folders() {
        return folders;
    }

    /** Every voice found, usable or not, sorted by id; rescans first if a folder changed. */
    public List<Voice> voices() {
        return current().stream().map(LibraryVoice::toVoice).toList();
    }

    /** All entries after a rescan if needed. */
    synchronized List<LibraryVoice> current() {
        refresh();
        return List.copyOf(voices.values());
    }

    /** The entry for a voice id as of the last scan (no rescan: this runs per synthesized chunk). */
    synchronized Optional<LibraryVoice> find(String id) {
        return Optional.ofNullable(voices.get(id));
    }

    /**
     * Calls {@code listener} after every rescan that found changed files, with all entries. It runs
     * on the rescanning thread while the library is locked, so calls come in scan order; it must not
     * call back into the library.
     */
    void onRescan(Consumer<List<LibraryVoice>> listener) {
        rescanListeners.add(listener);
    }

    /**
     * Records that a voice turned out unusable when its model was loaded. Ignored if its files
     * changed since (the new files get their own chance).
     */
    synchronized void markBroken(LibraryVoice voice, String reason) {
        LibraryVoice known = voices.get(voice.id());
        if (known != null && known.stamp().equals(voice.stamp()) && known.problem() == null) {
            Map<String, LibraryVoice> updated = new TreeMap<>(voices);
            updated.put(voice.id(), known.broken(reason));
            voices = updated;
            LOG.warn("Piper voice {} is unusable ({}): {}", voice.id(), voice.model(), reason);
        }
    }

    private synchronized void refresh() {
        Map<Path, String> now = listVoiceFiles();
        if (now.equals(stamps)) {
            return;
        }
        Map<String, Path> models = new LinkedHashMap<>();
        Map<String, Path> configs = new LinkedHashMap<>();
        for (Path folder : folders) {
            Map<String, Path> folderModels = new TreeMap<>();
            Map<String, Path> folderConfigs = new TreeMap<>();
            for (Path file : now.keySet()) {
                if (!file.getParent().equals(folder)) {
                    continue;
                }
                String name = file.getFileName().toString();
                if (name.endsWith(CONFIG_SUFFIX)) {
                    folderConfigs.put(name.substring(0, name.length() - CONFIG_SUFFIX.length()), file);
                } else {
                    folderModels.put(name.substring(0, name.length() - MODEL_SUFFIX.length()), file);
                }
            }
            List<String> stems = new ArrayList<>(folderModels.keySet());
            stems.addAll(folderConfigs.keySet());
            for (String stem : stems) {
                if (!models.containsKey(stem) && !configs.containsKey(stem)) {
                    models.put(stem, folderModels.getOrDefault(stem, folder.resolve(stem + MODEL_SUFFIX)));
                    configs.put(stem, folderConfigs.getOrDefault(stem, folder.resolve(stem + CONFIG_SUFFIX)));
                }
            }
        }
        Map<String, LibraryVoice> scanned = new TreeMap<>();
        for (Map.Entry<String, Path> model : models.entrySet()) {
            String id = model.getKey();
            Path config = configs.get(id);
            String stamp = now.getOrDefault(model.getValue(), MISSING) + "|" + now.getOrDefault(config, MISSING);
            LibraryVoice known = voices.get(id);
            if (known != null && known.stamp().equals(stamp) && known.model().equals(model.getValue())) {
                scanned.put(id, known);
            } else {
                scanned.put(id, inspect(id, model.getValue(), config, stamp, now));
            }
        }
        stamps = now;
        voices = scanned;
        List<LibraryVoice> entries = List.copyOf(scanned.values());
        rescanListeners.forEach(listener -> listener.accept(entries));
    }

    /** The stamp of a voice's files as they are now, as a scan would make it. */
    static String stamp(Path model, Path config) {
        return stamp(model) + "|" + stamp(config);
    }

    private static LibraryVoice inspect(String id, Path model, Path configFile, String stamp, Map<Path, String> files) {
        PiperVoiceConfig config = null;
        String problem = null;
        if (!files.containsKey(configFile)) {
            problem = "config file " + configFile.getFileName() + " is missing";
        } else {
            try {
                config = PiperVoiceConfig.parse(Files.readAllBytes(configFile));
            } catch (IllegalArgumentException | IOException e) {
                problem = configFile.getFileName() + ": " + e.getMessage();
            }
        }
        if (problem == null) {
            problem = files.containsKey(model) ? modelProblem(model, config) : "model file " + model.getFileName() + " is missing";
        }
        if (problem != null) {
            LOG.warn("Piper voice {} is unusable ({}): {}", id, model.getParent(), problem);
        } else {
            LOG.info("Found Piper voice {} in {}", id, model.getParent());
        }
        return new LibraryVoice(id, model, configFile, config, problem, stamp);
    }

    /** Why the model file cannot serve a voice of this config, read from its graph; {@code null} when it can. */
    private static String modelProblem(Path model, PiperVoiceConfig config) {
        try {
            OnnxFileCheck.Graph graph = OnnxFileCheck.read(model);
            return PiperSignature.problem(graph.inputs(), graph.outputs(), config.numSpeakers())
                    .map(problem -> model.getFileName() + ": " + problem).orElse(null);
        } catch (IllegalArgumentException e) {
            return model.getFileName() + ": " + e.getMessage();
        } catch (IOException e) {
            return model.getFileName() + ": cannot read the model: " + e.getMessage();
        }
    }

    /** Every {@code *.onnx} and {@code *.onnx.json} file in the folders, with its size and mtime. */
    private Map<Path, String> listVoiceFiles() {
        Map<Path, String> files = new TreeMap<>(Comparator.naturalOrder());
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> listing = Files.list(folder)) {
                listing.filter(VoiceLibrary::isVoiceFile).forEach(file -> files.put(file, stamp(file)));
            } catch (IOException e) {
                LOG.warn("Cannot list voice folder {}: {}", folder, e.getMessage());
            }
        }
        return files;
    }

    private static boolean isVoiceFile(Path file) {
        String name = file.getFileName().toString();
        return (name.endsWith(MODEL_SUFFIX) || name.endsWith(CONFIG_SUFFIX)) && !Files.isDirectory(file);
    }

    private static String stamp(Path file) {
        try {
            return Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis();
        } catch (NoSuchFileException e) {
            return MISSING;
        } catch (IOException e) {
            return "unreadable";
        }
    }
}
