package dev.parley.config;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Preferences of the window that have no environment variable (voice, volume, mute, window size
 * and the like): a free-form map from names to strings, numbers and booleans, kept in the settings
 * file's {@code "ui"} object. Immutable; every {@code with} returns a copy.
 *
 * <p>Reads are forgiving: a missing value, or one of another type, gives the caller's fallback, so
 * a hand-edited file never breaks the window.
 */
public final class UiPreferences {

    public static final UiPreferences EMPTY = new UiPreferences(Map.of());

    /** Sorted, so the file lists them in a stable order; values are String, Long, Double or Boolean. */
    private final Map<String, Object> values;

    /**
     * @param values strings, {@code Long}s, {@code Double}s (finite) and {@code Boolean}s
     * @throws IllegalArgumentException for another type, a non-finite number or a blank name
     */
    UiPreferences(Map<String, ?> values) {
        Map<String, Object> copy = new TreeMap<>();
        values.forEach((key, value) -> copy.put(checkKey(key), checkValue(key, value)));
        this.values = Collections.unmodifiableMap(copy);
    }

    /** The string stored under {@code key}, if it is a string. */
    public Optional<String> string(String key) {
        return values.get(key) instanceof String text ? Optional.of(text) : Optional.empty();
    }

    /** The number stored under {@code key}, or {@code fallback} when there is none. */
    public double number(String key, double fallback) {
        return values.get(key) instanceof Number number ? number.doubleValue() : fallback;
    }

    /** The whole number stored under {@code key} (fitting an int), or {@code fallback}. */
    public int integer(String key, int fallback) {
        Object value = values.get(key);
        if (value instanceof Long whole && whole >= Integer.MIN_VALUE && whole <= Integer.MAX_VALUE) {
            return whole.intValue();
        }
        if (value instanceof Double real && real == Math.rint(real)
                && real >= Integer.MIN_VALUE && real <= Integer.MAX_VALUE) {
            return real.intValue();
        }
        return fallback;
    }

    /** The boolean stored under {@code key}, or {@code fallback}. */
    public boolean flag(String key, boolean fallback) {
        return values.get(key) instanceof Boolean bool ? bool : fallback;
    }

    public UiPreferences with(String key, String value) {
        return put(key, Objects.requireNonNull(value, "value"));
    }

    public UiPreferences with(String key, long value) {
        return put(key, value);
    }

    /** @throws IllegalArgumentException for NaN or an infinity, which JSON cannot hold */
    public UiPreferences with(String key, double value) {
        return put(key, value);
    }

    public UiPreferences with(String key, boolean value) {
        return put(key, value);
    }

    public UiPreferences without(String key) {
        Map<String, Object> copy = new TreeMap<>(values);
        copy.remove(key);
        return new UiPreferences(copy);
    }

    /** Every preference, sorted by name; unmodifiable. */
    public Map<String, Object> asMap() {
        return values;
    }

    private UiPreferences put(String key, Object value) {
        Map<String, Object> copy = new TreeMap<>(values);
        copy.put(key, value);
        return new UiPreferences(copy);
    }

    private static String checkKey(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a preference needs a name");
        }
        return key;
    }

    private static Object checkValue(String key, Object value) {
        if (value instanceof Double real && !Double.isFinite(real)) {
            throw new IllegalArgumentException("preference " + key + " must be a finite number, not " + real);
        }
        if (value instanceof String || value instanceof Long || value instanceof Double || value instanceof Boolean) {
            return value;
        }
        throw new IllegalArgumentException("preference " + key + " must be a string, Long, Double or Boolean, not "
                + (value == null ? "null" : value.getClass().getSimpleName()));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UiPreferences that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "UiPreferences" + values;
    }
}
