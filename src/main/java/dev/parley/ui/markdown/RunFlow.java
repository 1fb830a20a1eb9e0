package dev.parley.ui.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.ObservableList;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.shape.Path;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * A wrapping flow of {@link Run}s, one {@link Text} node each, with the spoken range drawn as a
 * background shape behind the text. FX thread only.
 *
 * <p>Updates touch as few nodes as possible: a run equal to the one already shown keeps its node,
 * a run that only changed text (the growing tail of a streamed paragraph) has its node's text
 * replaced, and only runs of another style get new nodes. The highlight shape is the first,
 * unmanaged child; it does not take part in the text layout and is redrawn after each layout
 * from {@link TextFlow#rangeShape}, which is why this flow must not be given padding.
 */
final class RunFlow extends TextFlow {

    private final Consumer<String> links;
    private final Path highlightShape = new Path();
    private List<Run> runs = List.of();
    /** The runs as drawn (split at the highlight), one per {@link Text} child after the shape. */
    private List<Run> shown = List.of();
    private int highlightStart;
    private int highlightEnd;

    /** @param links receives the URL of a clicked link */
    RunFlow(Consumer<String> links, String... styleClasses) {
        this.links = links;
        getStyleClass().addAll(styleClasses);
        highlightShape.setManaged(false);
        highlightShape.getStyleClass().add("md-spoken-background");
        getChildren().add(highlightShape);
    }

    void setRuns(List<Run> runs) {
        if (!runs.equals(this.runs)) {
            this.runs = runs;
            refresh();
        }
    }

    /** Marks the raw range {@code [start, end)} as spoken; an empty range clears the mark. */
    void setHighlight(int start, int end) {
        if (start != highlightStart || end != highlightEnd) {
            highlightStart = start;
            highlightEnd = end;
            refresh();
        }
    }

    private void refresh() {
        List<Run> next = Runs.highlight(runs, highlightStart, highlightEnd);
        ObservableList<Node> children = getChildren();
        int common = Math.min(shown.size(), next.size());
        for (int i = 0; i < common; i++) {
            Run before = shown.get(i);
            Run after = next.get(i);
            if (before.equals(after)) {
                continue;
            }
            if (before.sameStyle(after)) {
                ((Text) children.get(i + 1)).setText(after.text());
            } else {
                children.set(i + 1, text(after));
            }
        }
        if (next.size() > common) {
            List<Node> added = new ArrayList<>(next.size() - common);
            for (Run run : next.subList(common, next.size())) {
                added.add(text(run));
            }
            children.addAll(added);
        } else if (shown.size() > common) {
            children.remove(common + 1, shown.size() + 1);
        }
        shown = next;
        requestLayout();
    }

    private Text text(Run run) {
        Text text = new Text(run.text());
        List<String> classes = text.getStyleClass();
        classes.add("md-text");
        if (run.has(Run.BOLD)) {
            classes.add("md-bold");
        }
        if (run.has(Run.ITALIC)) {
            classes.add("md-italic");
        }
        if (run.has(Run.STRIKETHROUGH)) {
            classes.add("md-strikethrough");
        }
        if (run.has(Run.CODE)) {
            classes.add("md-code");
        }
        if (run.has(Run.SPOKEN)) {
            classes.add("md-spoken");
        }
        if (run.has(Run.LINK)) {
            classes.add("md-link");
            String url = run.url();
            text.setCursor(Cursor.HAND);
            text.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY) {
                    links.accept(url);
                }
            });
            Tooltip.install(text, new Tooltip(url));
        }
        return text;
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        int from = -1;
        int to = 0;
        int position = 0;
        for (Run run : shown) {
            int length = run.text().length();
            if (run.has(Run.SPOKEN)) {
                if (from < 0) {
                    from = position;
                }
                to = position + length;
            }
            position += length;
        }
        if (from < 0) {
            highlightShape.getElements().clear();
        } else {
            highlightShape.getElements().setAll(rangeShape(from, to));
        }
    }
}
