package dev.parley;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * Sets up logging, once, before anything logs. SLF4J is bound to java.util.logging (slf4j-jdk14),
 * whose root logger here writes every record twice: to the console and to rotating files
 * {@code parley-0.log} (newest) to {@code parley-2.log} in a log folder, 2 MB each, so an installed
 * Parley started from the desktop menu still leaves a log behind. Both use {@link LogFormat}.
 */
final class Logging {

    static final String NEWEST_FILE = "parley-0.log";
    private static final String FILE_PATTERN = "parley-%g.log";
    private static final int FILE_LIMIT = 2 * 1024 * 1024;
    private static final int FILE_COUNT = 3;
    /** Libraries that log every connection at debug; only our own debug lines are wanted. */
    private static final List<String> QUIET = List.of("org.java_websocket", "okhttp3");
    /** java.util.logging holds loggers weakly: a level set on an unreferenced logger is lost at the next GC. */
    private static final List<Logger> CONFIGURED = new ArrayList<>();

    private Logging() {
    }

    /**
     * Replaces the root logger's handlers with a console handler on {@code console} and, when the
     * folder can be written, a file handler in {@code logDir} (created if missing).
     *
     * @param level {@code error}, {@code warn}, {@code info}, {@code debug} or {@code trace}
     * @return why the log files cannot be written, if they cannot; the console works regardless
     */
    static synchronized Optional<String> configure(String level, Path logDir, OutputStream console) {
        Level threshold = level(level);
        boolean belowInfo = threshold.intValue() < Level.INFO.intValue();
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
            handler.close();
        }
        root.setLevel(threshold);
        CONFIGURED.clear();
        for (String name : QUIET) {
            Logger quiet = Logger.getLogger(name);
            quiet.setLevel(belowInfo ? Level.INFO : threshold);
            CONFIGURED.add(quiet);
        }
        root.addHandler(new ConsoleHandler(console, new LogFormat(belowInfo)));
        try {
            Files.createDirectories(logDir);
            // FileHandler reads '%' in its pattern as a placeholder; a folder name may contain one.
            String pattern = logDir.toAbsolutePath().toString().replace("%", "%%") + "/" + FILE_PATTERN;
            FileHandler file = new FileHandler(pattern, FILE_LIMIT, FILE_COUNT, true);
            file.setEncoding(StandardCharsets.UTF_8.name());
            file.setFormatter(new LogFormat(belowInfo));
            file.setLevel(Level.ALL);
            root.addHandler(file);
            return Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.of("cannot write log files in " + logDir + " (" + e.getMessage()
                    + "); logging to the console only");
        }
    }

    /** The java.util.logging level slf4j-jdk14 maps each SLF4J level to. */
    static Level level(String level) {
        return switch (level.toLowerCase(Locale.ROOT)) {
            case "error" -> Level.SEVERE;
            case "warn" -> Level.WARNING;
            case "info" -> Level.INFO;
            case "debug" -> Level.FINE;
            case "trace" -> Level.FINEST;
            default -> throw new IllegalArgumentException("unknown log level " + level);
        };
    }

    /** A stream handler that flushes every record, so a line is on the console before the next one is formatted. */
    private static final class ConsoleHandler extends StreamHandler {

        ConsoleHandler(OutputStream out, LogFormat format) {
            super(out, format);
            // A StreamHandler starts at INFO; the loggers' levels decide.
            setLevel(Level.ALL);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            super.publish(record);
            flush();
        }

        /** Flushes but leaves the stream open: it is standard error, which outlives logging. */
        @Override
        public synchronized void close() {
            flush();
        }
    }
}
