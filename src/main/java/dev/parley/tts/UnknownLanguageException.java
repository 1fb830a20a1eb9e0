package dev.parley.tts;

import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A language code that is malformed or that no installed voice speaks (a client error, 400). The
 * message lists the codes that would work, sorted.
 */
public class UnknownLanguageException extends VoiceSelectionException {

    private final List<String> available;

    public UnknownLanguageException(String requested, boolean malformed, Collection<String> available) {
        super(message(requested, malformed, new TreeSet<>(available)));
        this.available = List.copyOf(new TreeSet<>(available));
    }

    /** The language codes that are available, sorted. */
    public List<String> available() {
        return available;
    }

    private static String message(String requested, boolean malformed, SortedSet<String> available) {
        String problem = malformed
                ? "malformed language code '" + requested + "' (expected e.g. en_US, en-US or en)"
                : "no voice for language '" + requested + "'";
        return problem + "; available: " + String.join(", ", available);
    }
}
