package dev.parley.tts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The languages espeak-ng knows, read from the table {@code espeak-ng --voices} prints:
 *
 * <pre>
 * Pty Language       Age/Gender VoiceName          File                 Other Languages
 *  2  en-us           --/M      English_(America)  gmw/en-US            (en 3)
 * </pre>
 *
 * Each Language column entry is a voice name {@code -v} accepts. The Other Languages column names
 * further codes a voice serves with a priority (lower is better), e.g. {@code en} is served by
 * {@code en-gb} (2) before {@code en-us} (3); these aliases are accepted too.
 */
final class EspeakLanguages {

    private static final Pattern ROW =
            Pattern.compile("\\s*(\\d+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)(.*)");
    private static final Pattern ALIAS = Pattern.compile("\\((\\S+)\\s+(\\d+)\\)");

    private record Alias(String language, int priority) {
    }

    private final List<String> languages;
    private final Map<String, Alias> aliases;

    private EspeakLanguages(List<String> languages, Map<String, Alias> aliases) {
        this.languages = List.copyOf(languages);
        this.aliases = Map.copyOf(aliases);
    }

    /** Reads the output of {@code espeak-ng --voices}; lines that are not table rows are ignored. */
    static EspeakLanguages parse(String voicesOutput) {
        Set<String> languages = new LinkedHashSet<>();
        Map<String, Alias> aliases = new HashMap<>();
        for (String line : voicesOutput.split("\\R")) {
            Matcher row = ROW.matcher(line);
            if (!row.matches()) {
                continue;
            }
            String language = row.group(2).toLowerCase(Locale.ROOT);
            languages.add(language);
            Matcher alias = ALIAS.matcher(row.group(6));
            while (alias.find()) {
                String code = alias.group(1).toLowerCase(Locale.ROOT);
                int priority = Integer.parseInt(alias.group(2));
                Alias known = aliases.get(code);
                if (known == null || priority < known.priority()) {
                    aliases.put(code, new Alias(language, priority));
                }
            }
        }
        return new EspeakLanguages(new ArrayList<>(languages), aliases);
    }

    /** The Language column, in listing order without repeats: every voice name for {@code -v}. */
    List<String> languages() {
        return languages;
    }

    /**
     * The espeak-ng voice for a language: the exact code ({@code en-us}), else an alias
     * ({@code en} → {@code en-gb}), else for a code with a region its family ({@code de_DE} →
     * {@code de}, {@code fr_CA} → {@code fr-fr}); empty when espeak-ng does not speak it.
     */
    Optional<String> resolve(LanguageCode code) {
        Optional<String> exact = lookup(code.tag());
        if (exact.isPresent() || code.tag().equals(code.family())) {
            return exact;
        }
        return lookup(code.family());
    }

    /** Every accepted code in {@code ll_RR}/{@code ll} form, sorted: for error messages. */
    SortedSet<String> codes() {
        SortedSet<String> codes = new TreeSet<>();
        for (String tag : languages) {
            LanguageCode.parse(tag).ifPresent(code -> codes.add(code.toString()));
        }
        for (String tag : aliases.keySet()) {
            LanguageCode.parse(tag).ifPresent(code -> codes.add(code.toString()));
        }
        return codes;
    }

    private Optional<String> lookup(String tag) {
        if (languages.contains(tag)) {
            return Optional.of(tag);
        }
        return Optional.ofNullable(aliases.get(tag)).map(Alias::language);
    }
}
