package dev.parley.config;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The contents of the user's settings file: values for {@link Setting}s, under the names of the
 * environment variables, and the window's {@link UiPreferences}. Immutable.
 *
 * <p>Blank values are dropped (a blank setting is unset, as in the environment).
 * {@link Setting#PARLEY_CONFIG_DIR} cannot be stored: it says where the file is. {@link #toString}
 * lists names only, never values, since the file may hold API keys.
 *
 * @param values setting values in {@link Setting} order; unmodifiable
 * @param ui the window's preferences
 */
public record UserSettings(Map<Setting, String> values, UiPreferences ui) {

    public static final UserSettings EMPTY = new UserSettings(Map.of(), UiPreferences.EMPTY);

    /** @throws IllegalArgumentException when {@code values} holds {@link Setting#PARLEY_CONFIG_DIR} */
    public UserSettings {
        Map<Setting, String> copy = new EnumMap<>(Setting.class);
        values.forEach((setting, value) -> {
            if (setting == Setting.PARLEY_CONFIG_DIR) {
                throw new IllegalArgumentException("PARLEY_CONFIG_DIR is read from the environment only");
            }
            if (value != null && !value.isBlank()) {
                copy.put(setting, value);
            }
        });
        values = Collections.unmodifiableMap(copy);
    }

    public Optional<String> get(Setting setting) {
        return Optional.ofNullable(values.get(setting));
    }

    /** These settings with {@code changes} applied; a blank value removes the setting. */
    public UserSettings with(Map<Setting, String> changes) {
        Map<Setting, String> next = new EnumMap<>(Setting.class);
        next.putAll(values);
        changes.forEach((setting, value) -> {
            if (value == null || value.isBlank()) {
                next.remove(setting);
            } else {
                next.put(setting, value);
            }
        });
        return new UserSettings(next, ui);
    }

    public UserSettings withUi(UiPreferences next) {
        return new UserSettings(values, next);
    }

    @Override
    public String toString() {
        return "UserSettings[settings=" + values.keySet() + ", ui=" + ui.asMap().keySet() + "]";
    }
}
