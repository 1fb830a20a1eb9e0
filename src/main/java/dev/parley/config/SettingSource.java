package dev.parley.config;

/** Where the value of a {@link Setting} comes from, highest precedence first. */
public enum SettingSource {
    /** A command-line flag ({@code --port}, {@code --host}). */
    FLAG,
    /** An environment variable of the same name. */
    ENVIRONMENT,
    /** The user's settings file ({@code settings.json}), also for values chosen in the settings dialog. */
    FILE,
    /** Nothing set it; Parley's default applies. */
    DEFAULT
}
