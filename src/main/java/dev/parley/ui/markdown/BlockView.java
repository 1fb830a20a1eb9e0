package dev.parley.ui.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The nodes of one {@link Block}. FX thread only.
 *
 * <p>A view can take a new version of its block in place ({@link #update}) as long as the shape
 * stays the same (kind, nesting, heading level, table columns), which is what happens to the last
 * block of a streaming reply on every token.
 */
final class BlockView {

    private static final String[] BULLETS = {"•", "◦", "▪"};
    private static final int MAX_STYLED_DEPTH = 6;

    private final Node node;
    private final List<RunFlow> flows = new ArrayList<>();
    private final Label marker;
    private final Label language;
    private Block block;
    private boolean highlighted;

    private BlockView(Block block, Consumer<String> links) {
        this.block = block;
        Node content;
        Label markerLabel = null;
        Label languageLabel = null;
        if (block instanceof Block.Paragraph) {
            content = flow(links, "md-paragraph");
        } else if (block instanceof Block.Heading heading) {
            // The box carries the space above a heading, which the flow itself must not have.
            VBox box = new VBox(flow(links, "md-heading", "md-heading-" + heading.level()));
            box.getStyleClass().add("md-heading-block");
            content = box;
        } else if (block instanceof Block.ListItem) {
            markerLabel = new Label();
            markerLabel.getStyleClass().add("md-list-marker");
            RunFlow text = flow(links, "md-list-text");
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox item = new HBox(markerLabel, text);
            item.setAlignment(Pos.BASELINE_LEFT);
            item.getStyleClass().add("md-list-item");
            content = item;
        } else if (block instanceof Block.CodeBlock) {
            languageLabel = new Label();
            languageLabel.getStyleClass().add("md-code-language");
            VBox box = new VBox(languageLabel, flow(links, "md-code-flow"));
            box.getStyleClass().add("md-code-block");
            content = box;
        } else if (block instanceof Block.TableRow row) {
            HBox cells = new HBox();
            cells.getStyleClass().add("md-table-row");
            if (row.header()) {
                cells.getStyleClass().add("md-table-header");
            }
            for (int i = 0; i < row.cells().size(); i++) {
                RunFlow cell = flow(links, "md-table-cell");
                // Equal shares of the row's width, so the columns of consecutive rows line up.
                cell.setMinWidth(0);
                cell.setPrefWidth(0);
                HBox.setHgrow(cell, Priority.ALWAYS);
                cells.getChildren().add(cell);
            }
            content = cells;
        } else {
            Region rule = new Region();
            rule.getStyleClass().add("md-rule");
            content = rule;
        }
        marker = markerLabel;
        language = languageLabel;
        node = wrap(content, block);
        fill();
    }

    static BlockView of(Block block, Consumer<String> links) {
        return new BlockView(block, links);
    }

    Node node() {
        return node;
    }

    Block block() {
        return block;
    }

    /** Shows {@code next} in these nodes; false (and no change) when its shape differs. */
    boolean update(Block next) {
        if (!sameShape(block, next)) {
            return false;
        }
        block = next;
        fill();
        return true;
    }

    /** Marks the raw range {@code [start, end)} as spoken where it overlaps this block. */
    void highlight(int start, int end) {
        boolean covers = start < end && start < block.end() && block.start() < end;
        if (!covers && !highlighted) {
            return;
        }
        for (RunFlow flow : flows) {
            flow.setHighlight(covers ? start : 0, covers ? end : 0);
        }
        highlighted = covers;
    }

    private RunFlow flow(Consumer<String> links, String... styleClasses) {
        RunFlow flow = new RunFlow(links, styleClasses);
        flows.add(flow);
        return flow;
    }

    private void fill() {
        if (block instanceof Block.Paragraph paragraph) {
            flows.get(0).setRuns(Runs.of(paragraph.content(), 0));
        } else if (block instanceof Block.Heading heading) {
            flows.get(0).setRuns(Runs.of(heading.content(), 0));
        } else if (block instanceof Block.ListItem item) {
            marker.setText(item.ordered() ? item.number() + "." : BULLETS[item.depth() % BULLETS.length]);
            flows.get(0).setRuns(Runs.of(item.content(), 0));
        } else if (block instanceof Block.CodeBlock code) {
            language.setText(code.language());
            language.setVisible(!code.language().isEmpty());
            language.setManaged(!code.language().isEmpty());
            flows.get(0).setRuns(Runs.of(code.content(), Run.CODE));
        } else if (block instanceof Block.TableRow row) {
            for (int i = 0; i < flows.size(); i++) {
                flows.get(i).setRuns(Runs.of(row.cells().get(i), 0));
            }
        }
    }

    private static boolean sameShape(Block a, Block b) {
        if (a.getClass() != b.getClass() || a.depth() != b.depth() || a.quoteDepth() != b.quoteDepth()) {
            return false;
        }
        if (a instanceof Block.Heading heading) {
            return heading.level() == ((Block.Heading) b).level();
        }
        if (a instanceof Block.TableRow row) {
            Block.TableRow other = (Block.TableRow) b;
            return row.header() == other.header() && row.cells().size() == other.cells().size();
        }
        return true;
    }

    /** Indents the content by its list depth, then draws a bar for each enclosing quote. */
    private static Node wrap(Node content, Block block) {
        Node node = content;
        if (block.depth() > 0) {
            VBox indented = new VBox(node);
            indented.getStyleClass().add("md-depth-" + Math.min(block.depth(), MAX_STYLED_DEPTH));
            node = indented;
        }
        for (int i = 0; i < block.quoteDepth(); i++) {
            VBox quote = new VBox(node);
            quote.getStyleClass().add("md-quote");
            node = quote;
        }
        return node;
    }
}
