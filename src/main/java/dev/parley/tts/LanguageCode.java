package dev.parley.tts;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A language as requested by a client or declared by a voice: a family ({@code en}) and an optional
 * region ({@code US}, or a UN M.49 number such as {@code 419}). Accepts {@code en_US}, {@code en-US},
 * {@code en-us} and {@code en}; further subtags (scripts, variants such as {@code en-gb-x-rp}) are
 * kept in {@link #tag()} but do not take part in {@link #toString()}.
 *
 * @param family lower-case ISO 639 code, two or three letters
 * @param region upper-case region, or {@code null}
 * @param tag the whole code in lower case with hyphens, e.g. {@code en-gb-x-rp}
 */
public record LanguageCode(String family, String region, String tag) {

    private static final Pattern WELL_FORMED =
            Pattern.compile("([A-Za-z]{2,3})((?:[_-][A-Za-z0-9]{1,8})*)");
    private static final Pattern REGION = Pattern.compile("[A-Za-z]{2}|[0-9]{3}");

    /** Parses a code; empty when it is not of the accepted form. */
    public static Optional<LanguageCode> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Matcher matcher = WELL_FORMED.matcher(code.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String family = matcher.group(1).toLowerCase(Locale.ROOT);
        String rest = matcher.group(2).replace('_', '-').toLowerCase(Locale.ROOT);
        String region = null;
        if (!rest.isEmpty()) {
            String second = rest.substring(1).split("-", 2)[0];
            if (REGION.matcher(second).matches()) {
                region = second.toUpperCase(Locale.ROOT);
            }
        }
        return Optional.of(new LanguageCode(family, region, family + rest));
    }

    /** {@code ll_RR}, or {@code ll} without a region: the form {@link Voice#language()} uses. */
    @Override
    public String toString() {
        return region == null ? family : family + "_" + region;
    }
}
