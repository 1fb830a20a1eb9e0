package dev.parley.ui;

import dev.parley.Parley;
import dev.parley.audio.AudioPlayer;
import dev.parley.audio.Pcm;
import dev.parley.audio.PlaybackTurn;
import dev.parley.concurrent.DaemonThreads;
import dev.parley.config.Config;
import dev.parley.config.SettingsStore;
import dev.parley.config.UiPreferences;
import dev.parley.server.ParleyServer;
import dev.parley.tts.SpeechSettings;
import dev.parley.tts.TtsException;
import dev.parley.tts.VoiceSelection;
import dev.parley.tts.download.CatalogueClient;
import dev.parley.ui.settings.SettingsDialog;
import dev.parley.ui.settings.SettingsViewModel;
import dev.parley.ui.speech.SpeechControlsViewModel;
import dev.parley.ui.voices.CatalogueViewModel;
import dev.parley.ui.voices.FirstStartOffer;
import dev.parley.ui.voices.InstalledVoicesViewModel;
import dev.parley.ui.voices.SampleSpeaker;
import dev.parley.ui.voices.VoicesDialog;
import dev.parley.ui.voices.VoicesViewModel;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application and composition root of the window: builds the app and the audio player
 * off the FX thread in {@link #init()}, shows the window and wires the settings and voices dialogs
 * in {@link #start}, saves the window's preferences and releases everything in {@link #stop()}.
 * JavaFX creates it reflectively, so its settings come through {@link DesktopLauncher}.
 */
public final class DesktopApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopApp.class);
    private static final String FIRST_START_OFFER_DISMISSED = "firstStartOfferDismissed";

    private static volatile SettingsStore settings;

    private final PlaybackRelay relay = new PlaybackRelay();
    private Parley parley;
    private AudioPlayer player;
    private ExecutorService background;
    private MainWindow window;
    private VoicesViewModel voices;

    static void configure(SettingsStore value) {
        settings = value;
    }

    @Override
    public void init() throws Exception {
        parley = Parley.create(settings.config());
        background = Executors.newCachedThreadPool(DaemonThreads.named("parley-ui-work"));
        player = AudioPlayer.start(relay);
    }

    @Override
    public void start(Stage stage) {
        window = new MainWindow(parley, player, relay, background, Platform::runLater);
        UiPreferences saved = settings.ui();
        WindowPreferences.restore(saved, window.speech(), stage);

        SettingsViewModel settingsModel = new SettingsViewModel(settings, parley::providerFor, this::apply, background,
                Platform::runLater);
        window.setOpenSettings(() -> SettingsDialog.show(stage, settingsModel));
        window.setOpenLink(url -> getHostServices().showDocument(url));

        window.show(stage);
        VoicesDialog voicesDialog = voicesDialog(stage, window.speech());
        window.setOpenVoices(voicesDialog::show);
        window.startServer();
        window.checkConnection();
        if (!saved.flag(FIRST_START_OFFER_DISMISSED, false)) {
            FirstStartOffer.maybeOffer(voicesDialog, Locale.getDefault(),
                    () -> saveUi(settings.ui().with(FIRST_START_OFFER_DISMISSED, true)));
        }
    }

    private VoicesDialog voicesDialog(Stage stage, SpeechControlsViewModel speech) {
        SampleSpeaker speaker = (voice, text) -> {
            if (parley.voiceSelector().select(voice.id(), null) instanceof VoiceSelection.Chosen chosen) {
                return chosen.synthesizer(SpeechSettings.DEFAULT).synthesize(text);
            }
            throw new TtsException("no engine can speak " + voice.id());
        };
        InstalledVoicesViewModel installed = new InstalledVoicesViewModel(parley::voices, speaker, this::playSample,
                background, Platform::runLater);
        // The window downloads into the user data folder, which is scanned too, so it works from a desktop launcher.
        CatalogueViewModel catalogue = new CatalogueViewModel(parley.http(),
                CatalogueClient.baseUrl(parley.config().voicesUrl()), parley.config().dataDir().resolve("models"),
                background, Platform::runLater);
        voices = new VoicesViewModel(installed, catalogue);
        installed.voices().addListener((ListChangeListener<Object>) change -> speech.refreshVoices());
        return new VoicesDialog(stage, voices);
    }

    /** A voice sample interrupts whatever is being said. Called on a background thread. */
    private void playSample(Pcm pcm) {
        player.stop();
        PlaybackTurn turn = player.beginTurn();
        turn.enqueue(pcm, "sample");
        turn.end();
    }

    /**
     * Applies saved settings: provider, model, key and prompt for the next turn, and the server's
     * port. Runs on a background thread; a taken port keeps the server where it was.
     */
    private void apply(Config next) throws IOException {
        Config before = parley.config();
        parley.reconfigure(next);
        Platform.runLater(window::checkConnection);
        boolean running = parley.server() != null;
        if (next.port() == before.port() && running) {
            return;
        }
        try {
            ParleyServer server = parley.startServer();
            Platform.runLater(() -> window.status().serverStarted(server));
        } catch (IOException e) {
            parley.reconfigure(next.withPort(before.port()));
            throw e;
        }
    }

    private void saveUi(UiPreferences preferences) {
        try {
            settings.saveUi(preferences);
        } catch (IOException e) {
            LOG.warn("Could not save the window's preferences: {}", e.getMessage());
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            saveUi(WindowPreferences.capture(settings.ui(), window.speech(), window.stage()));
            window.dispose();
        }
        if (voices != null) {
            voices.cancelDownloads();
        }
        player.close();
        background.shutdownNow();
        parley.close();
    }
}
