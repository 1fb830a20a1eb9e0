package dev.parley.ui.voices;

import dev.parley.tts.download.CatalogueLanguage;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offers one natural voice for the system language when no Piper voice is installed. Nothing is
 * downloaded without an explicit "Download"; the download then shows in the voices dialog, where
 * it can be cancelled.
 */
public final class FirstStartOffer {

    private static final ButtonType DOWNLOAD = new ButtonType("Download", ButtonBar.ButtonData.OK_DONE);
    private static final ButtonType NOT_NOW = new ButtonType("Not now", ButtonBar.ButtonData.CANCEL_CLOSE);
    private static final ButtonType NEVER = new ButtonType("Don't ask again", ButtonBar.ButtonData.NO);

    private static final Logger LOG = LoggerFactory.getLogger(FirstStartOffer.class);

    private FirstStartOffer() {}

    /**
     * Looks for a voice to offer in the background and, if there is one, asks (non-blocking) on
     * the JavaFX application thread: "Download" starts its download and opens the dialog's
     * catalogue filtered to its language; "Not now" does nothing; "Don't ask again" runs
     * {@code dontAskAgain} (the app stores it and stops calling this). Call on the JavaFX
     * application thread, at start-up, unless the person said "don't ask again" before. Offline,
     * nothing is shown.
     *
     * @param locale the system locale, e.g. {@code Locale.getDefault()}
     * @param dontAskAgain runs on the JavaFX application thread
     */
    public static void maybeOffer(VoicesDialog dialog, Locale locale, Runnable dontAskAgain) {
        dialog.viewModel().firstStartSuggestion(locale)
                .thenAccept(suggestion -> suggestion.ifPresentOrElse(
                        row -> ask(dialog, row, dontAskAgain),
                        () -> LOG.debug("no first-start voice offer for {}", locale)))
                .exceptionally(e -> {
                    LOG.warn("cannot offer a voice", e);
                    return null;
                });
    }

    private static void ask(VoicesDialog dialog, CatalogueRow row, Runnable dontAskAgain) {
        CatalogueLanguage language = row.voice().language();
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question(row), DOWNLOAD, NOT_NOW, NEVER);
        Window owner = dialog.owner();
        // Dialog.initOwner fails on an owner without a scene (a window not built yet).
        if (owner != null && owner.getScene() != null) {
            alert.initOwner(owner);
        }
        alert.setTitle("Natural voice");
        alert.setHeaderText("No natural voice is installed.");
        alert.getDialogPane().setId("voices-offer");
        alert.getDialogPane().lookupButton(DOWNLOAD).setId("voices-offer-download");
        alert.getDialogPane().lookupButton(NOT_NOW).setId("voices-offer-not-now");
        alert.getDialogPane().lookupButton(NEVER).setId("voices-offer-never");
        alert.setOnHidden(event -> {
            ButtonType answer = Optional.ofNullable(alert.getResult()).orElse(NOT_NOW);
            if (answer == DOWNLOAD) {
                CatalogueViewModel catalogue = dialog.viewModel().catalogue();
                catalogue.languageFilterProperty().set(language.code());
                catalogue.qualityFilterProperty().set(CatalogueViewModel.ALL);
                catalogue.download(row);
                dialog.showCatalogue();
            } else if (answer == NEVER) {
                dontAskAgain.run();
            }
        });
        alert.show();
    }

    /** E.g. {@code Download en_US-lessac-medium (English, United States, 63.2 MB)?} */
    static String question(CatalogueRow row) {
        CatalogueLanguage language = row.voice().language();
        String name = language.nameEnglish().isEmpty() ? language.code() : language.nameEnglish();
        String country = language.countryEnglish().isEmpty() ? "" : ", " + language.countryEnglish();
        return "Download " + row.key() + " (" + name + country + ", " + row.sizeText() + ")?";
    }
}
