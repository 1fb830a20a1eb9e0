package dev.parley.ui;

import dev.parley.config.SettingsStore;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;

/**
 * Opens the window. JavaFX on Linux needs a display and GTK 3; when either is missing this says
 * so in one line instead of JavaFX's stack trace.
 */
public final class DesktopLauncher {

    private static final List<String> LIBRARY_DIRS = List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
            "/usr/lib64", "/usr/lib", "/lib/x86_64-linux-gnu", "/lib64", "/lib");

    private DesktopLauncher() {
    }

    /** Runs the window until it is closed; returns the exit code. */
    public static int launch(SettingsStore settings, PrintStream err) {
        String problem = missingDesktop(System.getProperty("os.name"), System.getenv("DISPLAY"),
                System.getenv("WAYLAND_DISPLAY"));
        if (problem != null) {
            err.println("parley: " + problem);
            return 2;
        }
        DesktopApp.configure(settings);
        try {
            Application.launch(DesktopApp.class);
            return 0;
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            err.println("parley: the window could not open (" + rootMessage(e) + "); on Linux install GTK 3 "
                    + "(sudo apt-get install libgtk-3-0), or run without a window: --headless");
            return 1;
        }
    }

    /** Why no window can open here, or {@code null}. Only Linux needs checking. */
    static String missingDesktop(String os, String display, String wayland) {
        if (os == null || !os.toLowerCase(Locale.ROOT).contains("linux")) {
            return null;
        }
        if (isBlank(display) && isBlank(wayland)) {
            return "no display to open the window on (DISPLAY is not set); run it on a desktop, under xvfb-run, "
                    + "or without a window: --headless";
        }
        boolean gtk = LIBRARY_DIRS.stream().anyMatch(dir -> Files.exists(Path.of(dir, "libgtk-3.so.0")));
        if (!gtk) {
            return "the window needs GTK 3, which is not installed: sudo apt-get install libgtk-3-0 "
                    + "(or run without a window: --headless)";
        }
        return null;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
