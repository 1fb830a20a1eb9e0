package dev.parley.ui.markdown;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * Measures what a streamed reply costs on the FX thread: {@code setMarkdown} plus CSS and layout
 * per token, for the ~5,000-character sample reply fed in 4-character tokens, against parsing
 * alone and against building a fresh view per token. Not a test; run with the test classpath:
 *
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.parley.ui.markdown.MarkdownViewBench
 * </pre>
 */
public final class MarkdownViewBench {

    private static final int TOKEN = 4;

    private MarkdownViewBench() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        String reply = Describe.sampleReply();
        System.out.printf("reply: %d chars, %d blocks, %d tokens of %d chars%n", reply.length(),
                MarkdownParser.parse(reply).size(), (reply.length() + TOKEN - 1) / TOKEN, TOKEN);

        parseOnly(reply);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        // Each measurement closes its stage; the toolkit must outlive the last window.
        Platform.setImplicitExit(false);
        for (int round = 1; round <= 3; round++) {
            String name = "round " + round;
            onFx(() -> streamed(reply, true, name + " reuse  "));
            onFx(() -> streamed(reply, false, name + " rebuild"));
        }
        onFx(() -> oneShot(reply));
        Platform.exit();
    }

    private static void parseOnly(String reply) {
        for (int i = 0; i < 300; i++) {
            MarkdownParser.parse(reply);
        }
        long[] times = new long[300];
        for (int i = 0; i < times.length; i++) {
            long t0 = System.nanoTime();
            MarkdownParser.parse(reply);
            times[i] = System.nanoTime() - t0;
        }
        System.out.printf("parse whole reply (warm): median %.3f ms%n", median(times) / 1e6);
    }

    private static Void streamed(String reply, boolean reuse, String label) {
        Stage stage = new Stage();
        StackPane root = new StackPane();
        Scene scene = new Scene(root, 600, 800);
        scene.getStylesheets().add(MarkdownView.stylesheet());
        stage.setScene(scene);
        stage.show();
        MarkdownView view = new MarkdownView();
        root.getChildren().setAll(view);
        List<Long> times = new ArrayList<>();
        long update = 0;
        for (int length = TOKEN; length < reply.length() + TOKEN; length += TOKEN) {
            String prefix = reply.substring(0, Math.min(length, reply.length()));
            long t0 = System.nanoTime();
            if (!reuse) {
                view = new MarkdownView();
                root.getChildren().setAll(view);
            }
            view.setMarkdown(prefix);
            update += System.nanoTime() - t0;
            root.applyCss();
            root.layout();
            times.add(System.nanoTime() - t0);
        }
        stage.close();
        long[] t = times.stream().mapToLong(Long::longValue).toArray();
        long total = Arrays.stream(t).sum();
        Arrays.sort(t);
        System.out.printf("%s: per token mean %.3f ms (setMarkdown %.3f ms, CSS + layout %.3f ms), median %.3f ms,"
                        + " p95 %.3f ms, max %.3f ms; last 100 tokens mean %.3f ms%n",
                label, total / 1e6 / t.length, update / 1e6 / t.length, (total - update) / 1e6 / t.length,
                t[t.length / 2] / 1e6, t[(int) (t.length * 0.95)] / 1e6, t[t.length - 1] / 1e6,
                lastMean(times, 100) / 1e6);
        return null;
    }

    private static Void oneShot(String reply) {
        long[] times = new long[20];
        for (int i = 0; i < times.length; i++) {
            Stage stage = new Stage();
            StackPane root = new StackPane();
            stage.setScene(new Scene(root, 600, 800));
            root.getScene().getStylesheets().add(MarkdownView.stylesheet());
            stage.show();
            long t0 = System.nanoTime();
            MarkdownView view = new MarkdownView();
            root.getChildren().setAll(view);
            view.setMarkdown(reply);
            root.applyCss();
            root.layout();
            times[i] = System.nanoTime() - t0;
            stage.close();
        }
        System.out.printf("one-shot render of the whole reply (fresh view, CSS + layout): first %.1f ms, median %.1f ms%n",
                times[0] / 1e6, median(times) / 1e6);
        return null;
    }

    private static double lastMean(List<Long> times, int n) {
        return times.subList(times.size() - n, times.size()).stream().mapToLong(Long::longValue).average().orElse(0);
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get();
    }
}
