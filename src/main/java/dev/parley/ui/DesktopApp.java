package dev.parley.ui;

import dev.parley.Parley;
import dev.parley.audio.AudioPlayer;
import dev.parley.config.Config;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The JavaFX application: builds the app and the audio player off the FX thread in
 * {@link #init()}, shows the window in {@link #start}, releases everything in {@link #stop()}.
 * JavaFX creates it reflectively, so the config comes through {@link DesktopLauncher}.
 */
public final class DesktopApp extends Application {

    private static volatile Config config;

    private Parley parley;
    private AudioPlayer player;
    private ExecutorService background;
    private MainWindow window;
    private final PlaybackRelay relay = new PlaybackRelay();

    static void configure(Config value) {
        config = value;
    }

    @Override
    public void init() throws Exception {
        parley = Parley.create(config);
        background = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "parley-ui-work");
            thread.setDaemon(true);
            return thread;
        });
        player = AudioPlayer.start(relay);
    }

    @Override
    public void start(Stage stage) {
        window = new MainWindow(parley, player, relay, background, Platform::runLater);
        window.show(stage);
        window.startServer();
        window.checkConnection();
    }

    @Override
    public void stop() {
        if (window != null) {
            window.dispose();
        }
        player.close();
        background.shutdownNow();
        parley.close();
    }
}
