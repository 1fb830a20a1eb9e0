package dev.parley.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of a process (Linux {@code /proc}), and this JVM's heap. */
final class MemoryProbe {

    private MemoryProbe() {
    }

    /** The resident set size of process {@code pid} in bytes, or -1 where {@code /proc} has none (not Linux). */
    static long residentBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** This process's resident set size in bytes, or -1. */
    static long residentBytes() {
        return residentBytes(ProcessHandle.current().pid());
    }

    /** Heap in use in bytes, after a full collection when {@code collect}. */
    static long heapUsedBytes(boolean collect) {
        if (collect) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * One reading of this process.
     *
     * @param residentBytes resident set size, or -1 when unknown
     * @param heapBytes heap in use
     */
    record Reading(long residentBytes, long heapBytes) {

        static Reading now(boolean collect) {
            long heap = heapUsedBytes(collect);
            return new Reading(MemoryProbe.residentBytes(), heap);
        }
    }
}
