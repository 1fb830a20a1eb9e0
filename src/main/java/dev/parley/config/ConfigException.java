package dev.parley.config;

/** A setting is invalid. The message is one line naming the setting and what is accepted. */
public final class ConfigException extends Exception {

    public ConfigException(String message) {
        super(message);
    }
}
