package dev.parley.server;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts refusals of one kind so that a flood of them (a DNS-rebinding page retrying, a script
 * opening sockets past the limit) writes one log line per {@value #LOG_EVERY}, not one each: a
 * hostile client must not be able to fill the disk with the log. Thread-safe.
 */
final class Refusals {

    static final int LOG_EVERY = 100;
    private static final int SHOWN_CHARS = 40;

    private final AtomicLong count = new AtomicLong();

    /** Counts one refusal; whether it is one to log: the first, and every {@value #LOG_EVERY}th after it. */
    boolean countAndShouldLog() {
        return count.getAndIncrement() % LOG_EVERY == 0;
    }

    /** Refusals counted so far. */
    long total() {
        return count.get();
    }

    /**
     * Enough of a value the client sent to recognise it in a log line or an error, without echoing a
     * large or hostile one whole: control characters become {@code ?}, and it is cut at
     * {@value #SHOWN_CHARS} characters.
     */
    static String shown(String value) {
        if (value == null) {
            return "(none)";
        }
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= SHOWN_CHARS ? printable : printable.substring(0, SHOWN_CHARS) + "...";
    }
}
