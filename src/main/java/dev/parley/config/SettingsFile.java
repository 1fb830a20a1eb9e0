package dev.parley.config;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The user's settings file, {@code settings.json} in the user config folder (see
 * {@link ConfigLoader#withSettingsFile}). It may hold API keys, so it is readable by its owner only.
 *
 * <p>Reading never fails: a missing file has no settings, and an unreadable or malformed one is
 * left untouched and treated as empty, with a problem to log. Writing replaces the file
 * atomically (a temporary file in the same folder, then a move), so a reader, or a crash, never
 * sees half a file. Not synchronised: one {@link SettingsStore} owns the writes.
 */
public final class SettingsFile {

    public static final String FILE_NAME = "settings.json";

    private static final Set<PosixFilePermission> FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> FOLDER_PERMISSIONS = PosixFilePermissions.fromString("rwx------");

    private final Path path;

    public SettingsFile(Path path) {
        this.path = Objects.requireNonNull(path, "path");
    }

    public Path path() {
        return path;
    }

    /**
     * What {@link #read} found.
     *
     * @param settings the usable settings; empty when the file is missing or malformed
     * @param problems one line each, naming the file, for the log (never quoting the file's text)
     */
    public record Contents(UserSettings settings, List<String> problems) {
        public Contents {
            problems = List.copyOf(problems);
        }
    }

    /** Reads the file; blocks on disk I/O. */
    public Contents read() {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(path))).toString();
        } catch (NoSuchFileException e) {
            return new Contents(UserSettings.EMPTY, List.of());
        } catch (CharacterCodingException e) {
            return ignored("not UTF-8 text");
        } catch (IOException e) {
            return ignored("cannot be read (" + e + ")");
        }
        List<String> problems = new ArrayList<>();
        try {
            UserSettings settings = UserSettingsJson.parse(text, problem -> problems.add(path + ": " + problem));
            return new Contents(settings, problems);
        } catch (IOException e) {
            return ignored(e.getMessage());
        }
    }

    /**
     * Replaces the file with {@code settings}, creating the folder (owner-only) when missing.
     * Blocks on disk I/O.
     *
     * @throws IOException when the folder or file cannot be written; the old file is then unchanged
     */
    public void write(UserSettings settings) throws IOException {
        Path folder = path.toAbsolutePath().getParent();
        createFolder(folder);
        Path temporary = Files.createTempFile(folder, "." + FILE_NAME + "-", ".tmp");
        try {
            ownerOnly(temporary);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(UserSettingsJson.render(settings).getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                // On disk before the move, so a crash leaves the old file or the new one, not an empty one.
                channel.force(true);
            }
            replace(temporary, path);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private Contents ignored(String why) {
        return new Contents(UserSettings.EMPTY, List.of(path + " " + why + "; ignoring it until it is fixed or"
                + " replaced by saving settings"));
    }

    private static void replace(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void createFolder(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        if (isPosix(folder)) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(FOLDER_PERMISSIONS));
        } else {
            Files.createDirectories(folder);
            restrictToOwner(folder.toFile());
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        if (isPosix(file)) {
            Files.setPosixFilePermissions(file, FILE_PERMISSIONS);
        } else {
            restrictToOwner(file.toFile());
        }
    }

    /** Best effort where there are no POSIX permissions (Windows keeps APPDATA per user anyway). */
    private static void restrictToOwner(File file) {
        file.setReadable(false, false);
        file.setReadable(true, true);
        file.setWritable(false, false);
        file.setWritable(true, true);
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
