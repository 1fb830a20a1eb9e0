package dev.parley.testing;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Named pipes standing in for a stalled disk: a write of more than a pipe holds blocks until the
 * other end reads, and a read blocks until the other end writes.
 */
public final class NamedPipe {

    private NamedPipe() {
    }

    /** Makes a named pipe at {@code path}; skips the test where {@code mkfifo} is missing or fails. */
    public static void make(Path path) throws InterruptedException {
        int exit;
        try {
            exit = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start().waitFor();
        } catch (IOException e) {
            exit = -1;
        }
        Assumptions.assumeTrue(exit == 0, "needs mkfifo");
    }
}
