package dev.parley.ui.settings;

import dev.parley.config.Config;
import java.io.IOException;

/** The running app, as far as saved settings change it. */
@FunctionalInterface
public interface SettingsTarget {

    /**
     * Makes {@code next} the app's configuration: the next turn uses its provider, base URL, model,
     * key and system prompt, and the embedded server moves when its port changed. Called on the
     * settings' background executor, after the settings were written to the file.
     *
     * @throws IOException when the change cannot be made, e.g. {@link java.net.BindException} when
     *     the new port is taken; the settings stay saved and the dialog shows the message
     */
    void apply(Config next) throws IOException;
}
