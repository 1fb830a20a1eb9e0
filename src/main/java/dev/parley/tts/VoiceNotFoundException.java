package dev.parley.tts;

import java.util.List;

/** A requested voice id that no engine knows (404). The message names near matches, if any. */
public class VoiceNotFoundException extends VoiceSelectionException {

    private final List<String> nearMatches;

    public VoiceNotFoundException(String requested, List<String> nearMatches) {
        super("no voice '" + requested + "'"
                + (nearMatches.isEmpty() ? "" : "; did you mean: " + String.join(", ", nearMatches)));
        this.nearMatches = List.copyOf(nearMatches);
    }

    /** Known voice ids close to the requested one, closest first. */
    public List<String> nearMatches() {
        return nearMatches;
    }
}
