package dev.parley.tts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Picks the names a mistyped one was probably meant to be. A name is close when it is a few edits
 * away, shares most of its beginning with the query (the language and dataset part of a voice
 * key), or contains the query (a bare dataset name such as {@code lessac}).
 */
public final class ClosestNames {

    private static final int MIN_SUBSTRING = 3;

    private ClosestNames() {}

    /**
     * @param query the name that was not found
     * @param names candidate name → the key to suggest for it (aliases map to their voice's key)
     * @param max how many keys to return at most
     * @return distinct keys, closest first
     */
    public static List<String> closest(String query, Map<String, String> names, int max) {
        String q = query.toLowerCase(Locale.ROOT);
        int maxDistance = Math.max(2, q.length() / 4);
        int minPrefix = Math.max(MIN_SUBSTRING, q.length() * 2 / 3);
        List<Candidate> candidates = new ArrayList<>();
        for (Map.Entry<String, String> entry : names.entrySet()) {
            String name = entry.getKey().toLowerCase(Locale.ROOT);
            int distance = distance(q, name);
            int prefix = commonPrefix(q, name);
            boolean close = distance <= maxDistance
                    || prefix >= minPrefix
                    || (q.length() >= MIN_SUBSTRING && name.contains(q));
            if (close) {
                candidates.add(new Candidate(entry.getValue(), distance, prefix));
            }
        }
        candidates.sort(Comparator.comparingInt(Candidate::distance)
                .thenComparing(Comparator.comparingInt(Candidate::prefix).reversed())
                .thenComparing(Candidate::key));
        Set<String> keys = new LinkedHashSet<>();
        for (Candidate candidate : candidates) {
            if (keys.size() == max) {
                break;
            }
            keys.add(candidate.key());
        }
        return List.copyOf(keys);
    }

    /** Levenshtein distance. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    private record Candidate(String key, int distance, int prefix) {}
}
