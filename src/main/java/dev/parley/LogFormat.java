package dev.parley;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * One line per record, as slf4j-simple wrote them before: {@code 14:03:07.412 INFO ParleyServer -
 * Listening on …}, with the thread in brackets after the time at debug and trace, SLF4J's level
 * names, the logger's simple name, and the stack trace of an exception on the lines below.
 */
final class LogFormat extends Formatter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private final boolean showThread;

    LogFormat(boolean showThread) {
        this.showThread = showThread;
    }

    /** Called on the logging thread itself (the handlers are synchronous), so the current thread is the caller's. */
    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(128);
        line.append(TIME.format(record.getInstant())).append(' ');
        if (showThread) {
            line.append('[').append(Thread.currentThread().getName()).append("] ");
        }
        line.append(levelName(record.getLevel())).append(' ')
                .append(shortName(record.getLoggerName())).append(" - ")
                .append(formatMessage(record)).append(System.lineSeparator());
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append(trace);
        }
        return line.toString();
    }

    static String levelName(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (value >= Level.WARNING.intValue()) {
            return "WARN";
        }
        if (value >= Level.INFO.intValue()) {
            return "INFO";
        }
        return value >= Level.FINE.intValue() ? "DEBUG" : "TRACE";
    }

    private static String shortName(String loggerName) {
        if (loggerName == null || loggerName.isEmpty()) {
            return "root";
        }
        return loggerName.substring(loggerName.lastIndexOf('.') + 1);
    }
}
