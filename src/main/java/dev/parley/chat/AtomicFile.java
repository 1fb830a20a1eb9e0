package dev.parley.chat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a file so that a crash, a kill or a power cut at any moment leaves either the old
 * contents or the new ones, never a mix or a truncated file: write a temporary file in the same
 * folder, fsync it, rename it over the target, then fsync the folder so the rename itself is
 * durable. Not thread-safe for one target: callers serialise writes to the same file.
 */
final class AtomicFile {

    private static final Logger LOG = LoggerFactory.getLogger(AtomicFile.class);

    private AtomicFile() {
    }

    /**
     * Writes {@code bytes} to {@code temporary} (which must be in the target's folder, and is
     * replaced when it exists), then moves it over {@code target}.
     *
     * @throws IOException when any step fails; the target is then unchanged and the temporary file
     *     is removed
     */
    static void replace(Path target, Path temporary, byte[] bytes) throws IOException {
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        syncFolder(target.toAbsolutePath().getParent());
    }

    /**
     * Makes the folder's entries (the rename) durable. Only some systems can open a folder for
     * this (Linux and macOS can, Windows cannot); where it fails the rename is still atomic, just
     * not yet forced to disk, so the failure is not an error.
     */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.trace("Cannot fsync folder {}: {}", folder, e.toString());
        }
    }
}
