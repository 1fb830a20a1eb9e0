package dev.parley.ui.status;

import dev.parley.llm.LlmException;
import dev.parley.llm.LlmProvider;
import dev.parley.server.ParleyServer;
import dev.parley.ui.chat.ErrorBanner;
import dev.parley.ui.chat.TurnFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

/**
 * The status bar: provider and model, whether the provider answers, the last turn's figures, and
 * the embedded server's address and clients, and whether it needs an access token (which the
 * view offers to copy: a generated token is otherwise only printed to standard output, unseen in
 * a desktop launch). Properties change on the FX thread; checks run on the {@code background}
 * executor and report through {@code ui}.
 */
public final class StatusViewModel {

    private final Supplier<LlmProvider> provider;
    private final Executor background;
    private final Executor ui;
    private final ReadOnlyStringWrapper model = new ReadOnlyStringWrapper(this, "model", "");
    private final ReadOnlyStringWrapper connection = new ReadOnlyStringWrapper(this, "connection", "");
    private final ReadOnlyBooleanWrapper connectionOk = new ReadOnlyBooleanWrapper(this, "connectionOk");
    private final ReadOnlyStringWrapper turn = new ReadOnlyStringWrapper(this, "turn", "");
    private final ReadOnlyStringWrapper server = new ReadOnlyStringWrapper(this, "server", "server starting…");
    private final ReadOnlyBooleanWrapper serverOff = new ReadOnlyBooleanWrapper(this, "serverOff");
    private final ReadOnlyBooleanWrapper tokenRequired = new ReadOnlyBooleanWrapper(this, "tokenRequired");
    private ParleyServer running;
    private int check;

    /**
     * @param provider the provider of the next turn
     * @param figures the chat's last turn figures: a new value means a reply came through
     * @param banner the chat's error banner: a new value means a reply failed
     */
    public StatusViewModel(Supplier<LlmProvider> provider, ObservableValue<TurnFigures> figures,
            ObservableValue<ErrorBanner> banner, Executor background, Executor ui) {
        this.provider = provider;
        this.background = background;
        this.ui = ui;
        figures.addListener((o, a, next) -> {
            turn.set(describe(next));
            connection.set("connected");
            connectionOk.set(true);
        });
        banner.addListener((o, a, next) -> {
            if (next != null) {
                connection.set("error: " + next.message());
                connectionOk.set(false);
            }
        });
        showProvider();
    }

    /** Shows the current provider and asks it for its models to tell whether it answers. */
    public void checkConnection() {
        showProvider();
        LlmProvider current = provider.get();
        int ticket = ++check;
        connection.set("checking " + current.baseUrl() + "…");
        connectionOk.set(false);
        background.execute(() -> {
            String result;
            boolean ok;
            try {
                List<String> models = current.listModels();
                ok = true;
                result = models.contains(current.model()) || models.isEmpty()
                        ? "connected"
                        : "connected, but " + current.model() + " is not among its " + models.size() + " models";
            } catch (LlmException e) {
                ok = false;
                result = e.getMessage();
            } catch (RuntimeException e) {
                ok = false;
                result = "check failed: " + e.getMessage();
            }
            boolean answered = ok;
            String text = result;
            ui.execute(() -> {
                if (ticket == check) {
                    connection.set(text);
                    connectionOk.set(answered);
                }
            });
        });
    }

    private void showProvider() {
        LlmProvider current = provider.get();
        model.set(current.name() + " · " + current.model());
    }

    /** The server is listening; its client count is followed from now on. */
    public void serverStarted(ParleyServer started) {
        running = started;
        serverOff.set(false);
        tokenRequired.set(started.accessToken() != null);
        started.onConnectionsChanged(() -> ui.execute(this::showServer));
        showServer();
    }

    /** The server could not start: the window keeps working without it. */
    public void serverFailed(int port, String reason) {
        running = null;
        serverOff.set(true);
        tokenRequired.set(false);
        server.set("server off: port " + port + " " + reason);
    }

    private void showServer() {
        ParleyServer current = running;
        if (current == null) {
            return;
        }
        int clients = current.connections();
        server.set("server ws://" + current.host() + ":" + current.port()
                + (current.accessToken() == null ? "" : " · token required") + " · " + clients
                + (clients == 1 ? " client" : " clients"));
    }

    /**
     * The running server's access token, for the person to copy to their clients; {@code null}
     * when {@link #tokenRequiredProperty()} is false. Not a property, so that nothing binds it into
     * the window's text; never log it.
     */
    public String accessToken() {
        ParleyServer current = running;
        return current == null ? null : current.accessToken();
    }

    static String describe(TurnFigures figures) {
        List<String> parts = new ArrayList<>();
        if (figures.ttftMs() != null) {
            parts.add("first token " + figures.ttftMs() + " ms");
        }
        if (figures.firstAudioMs() != null) {
            parts.add("first audio " + figures.firstAudioMs() + " ms");
        }
        if (figures.tokensPerSecond() != null) {
            parts.add(String.format(Locale.ROOT, "%.1f tokens/s", figures.tokensPerSecond()));
        }
        if (figures.underruns() != null) {
            parts.add(figures.underruns() + (figures.underruns() == 1 ? " underrun" : " underruns"));
        }
        return String.join(" · ", parts);
    }

    public ReadOnlyStringProperty modelProperty() {
        return model.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty connectionOkProperty() {
        return connectionOk.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty turnProperty() {
        return turn.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty serverProperty() {
        return server.getReadOnlyProperty();
    }

    /** Whether clients of the running server must send its access token. */
    public ReadOnlyBooleanProperty tokenRequiredProperty() {
        return tokenRequired.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty serverOffProperty() {
        return serverOff.getReadOnlyProperty();
    }
}
