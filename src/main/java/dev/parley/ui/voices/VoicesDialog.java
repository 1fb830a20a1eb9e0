package dev.parley.ui.voices;

import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The voices window: an "Installed" tab and a "Download voices" tab. Not modal, so the chat goes
 * on while voices download. Closing it only hides it; downloads continue and show again when it
 * is reopened. Create one per main window and call it on the JavaFX application thread.
 */
public final class VoicesDialog {

    private final VoicesViewModel vm;
    private final Stage stage = new Stage();
    private final TabPane tabs = new TabPane();
    private final Tab installedTab;
    private final Tab catalogueTab;

    /** @param owner the main window, or {@code null} */
    public VoicesDialog(Window owner, VoicesViewModel vm) {
        this.vm = vm;
        installedTab = new Tab("Installed", new InstalledVoicesView(vm.installed()));
        installedTab.setId("voices-installed-tab");
        catalogueTab = new Tab("Download voices", new CatalogueView(vm.catalogue()));
        catalogueTab.setId("voices-catalogue-tab");
        tabs.getTabs().addAll(installedTab, catalogueTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Scene scene = new Scene(tabs, 1040, 560);
        scene.getStylesheets().add(VoicesDialog.class.getResource("voices.css").toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), stage::hide);
        stage.initOwner(owner);
        stage.setTitle("Voices");
        stage.setScene(scene);
    }

    /** Shows the window (or brings it to the front), rereads the installed voices, loads the catalogue once. */
    public void show() {
        vm.open();
        stage.show();
        stage.toFront();
    }

    /** {@link #show()} on the installed voices. */
    public void showInstalled() {
        tabs.getSelectionModel().select(installedTab);
        show();
    }

    /** {@link #show()} on the catalogue. */
    public void showCatalogue() {
        tabs.getSelectionModel().select(catalogueTab);
        show();
    }

    /** Hides the window; downloads go on. */
    public void hide() {
        stage.hide();
    }

    VoicesViewModel viewModel() {
        return vm;
    }

    Window owner() {
        return stage.getOwner();
    }
}
