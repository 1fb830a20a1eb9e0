package dev.parley.ui;

import dev.parley.Parley;
import dev.parley.audio.AudioPlayer;
import dev.parley.chat.Conversation;
import dev.parley.chat.ConversationStore;
import dev.parley.chat.StoredMessage;
import dev.parley.llm.ChatMessage.Role;
import dev.parley.testing.OpenAiScript;
import dev.parley.testing.PacedLines;
import dev.parley.testing.TestConfig;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * Makes docs/screenshot.png: the real window, on a real display (run it under Xvfb, see
 * tools/screenshot.sh), in the middle of speaking a scripted reply.
 */
public final class ScreenshotMain {

    private ScreenshotMain() {
    }

    public static void main(String[] args) {
        try {
            run(args);
            System.exit(0);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        Path output = Path.of(args.length > 0 ? args[0] : "docs/screenshot.png");
        Path home = Files.createTempDirectory("parley-screenshot");
        try (MockWebServer upstream = new MockWebServer()) {
            upstream.start();
            upstream.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return request.getUrl().encodedPath().endsWith("/models")
                            ? new MockResponse.Builder().addHeader("Content-Type", "application/json")
                                    .body("{\"data\":[{\"id\":\"gpt-4o-mini\"}]}").build()
                            : new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
                                    .body(OpenAiScript.body(REPLY.split("(?<= )")))
                                    .throttleBody(400, 60, TimeUnit.MILLISECONDS).build();
                }
            });
            seed(home.resolve("data/conversations"));
            Parley parley = Parley.create(TestConfig.openAi(home, upstream.url("/v1").toString(), Map.of()));
            ExecutorService background = Executors.newCachedThreadPool();
            PlaybackRelay relay = new PlaybackRelay();
            AudioPlayer player = AudioPlayer.start(relay, new PacedLines());
            CompletableFuture<MainWindow> shown = new CompletableFuture<>();
            Platform.startup(() -> {
                MainWindow window = new MainWindow(parley, player, relay, background, Platform::runLater);
                window.show(new Stage());
                window.startServer();
                window.checkConnection();
                window.chat().draftProperty().set("How does the Moon affect the tides?");
                window.chat().send();
                shown.complete(window);
            });
            MainWindow window = shown.get(20, TimeUnit.SECONDS);
            waitUntil(() -> !window.chat().replyingProperty().get() && window.chat().messages().size() > 1
                    && window.chat().messages().get(1).spokenProperty().get() != null);
            CompletableFuture<WritableImage> image = new CompletableFuture<>();
            Platform.runLater(() -> image.complete(window.scene().snapshot(null)));
            write(image.get(10, TimeUnit.SECONDS), output);
            System.out.println("wrote " + output.toAbsolutePath());
            Platform.exit();
            player.close();
            parley.close();
            background.shutdownNow();
        }
    }

    static final String REPLY = "The Moon's **gravity** pulls on the oceans, raising a bulge of water on the side "
            + "facing it. A second bulge forms on the far side, where the Earth is pulled away from the water.\n\n"
            + "- As the Earth turns, each place passes through **two high tides** a day.\n"
            + "- When the Sun and Moon line up, you get *spring tides*; at right angles, *neap tides*.\n\n"
            + "Would you like to know how tide tables are predicted?";

    private static void seed(Path folder) throws Exception {
        ConversationStore store = new ConversationStore(folder, Clock.systemUTC());
        String[][] earlier = {
            {"c-recipes", "Quick dinner ideas with chickpeas", "2026-11-26T19:12:00Z"},
            {"c-spanish", "Practise Spanish greetings with me", "2026-11-25T08:40:00Z"},
            {"c-trip", "Plan a weekend in Lisbon", "2026-11-22T16:05:00Z"},
        };
        for (String[] c : earlier) {
            Instant at = Instant.parse(c[2]);
            store.save(Conversation.empty(c[0], at).append(new StoredMessage(Role.USER, c[1], at, false))
                    .append(new StoredMessage(Role.ASSISTANT, "…", at.plusSeconds(3), false)));
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            CompletableFuture<Boolean> check = new CompletableFuture<>();
            Platform.runLater(() -> check.complete(condition.getAsBoolean()));
            if (check.get(10, TimeUnit.SECONDS)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the window did not reach the expected state within 60 s");
            }
            Thread.sleep(20);
        }
    }

    private static void write(WritableImage image, Path output) throws Exception {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] pixels = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        BufferedImage buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        buffered.setRGB(0, 0, width, height, pixels, 0, width);
        Files.createDirectories(output.toAbsolutePath().getParent());
        ImageIO.write(buffered, "png", output.toFile());
    }
}
