package dev.parley.ui.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.layout.VBox;

/**
 * Shows one Markdown reply, re-rendered as it streams in, with the sentence being spoken
 * highlighted. All methods must be called on the FX thread.
 *
 * <p>{@link #setMarkdown} may be called on every token: the whole text is parsed again (cheap for
 * replies of a few thousand characters) but nodes are kept for every block that did not change,
 * and the block that did change (normally the last one) is updated in place when it keeps its
 * shape, so a token costs a parse and the update of one block rather than a rebuild of the
 * reply.
 *
 * <p>The view owns its children (one node per block); callers must not add or remove any. It
 * wraps text to the width its parent gives it; a parent that lets it grow to its
 * preferred width shows long paragraphs on one line. Styles come from {@link #stylesheet()},
 * which the application adds to its scene; colours are looked-up colours ({@code -md-text},
 * {@code -md-link}, {@code -md-spoken}, ...) declared on {@code .md-view} so a theme can
 * override them. Style classes: {@code md-paragraph}, {@code md-heading-block} around
 * {@code md-heading md-heading-1} to {@code md-heading-6}, {@code md-list-item}, {@code md-list-marker}, {@code md-code-block},
 * {@code md-quote}, {@code md-rule}, {@code md-table-row}; on text nodes {@code md-text},
 * {@code md-bold}, {@code md-italic}, {@code md-strikethrough}, {@code md-code}, {@code md-link}
 * and {@code md-spoken}.
 */
public class MarkdownView extends VBox {

    private final List<BlockView> views = new ArrayList<>();
    private Consumer<String> linkHandler;
    private String markdown = "";
    private List<Block> blocks = List.of();
    private String plainText;
    private int highlightStart;
    private int highlightEnd;

    /** A view whose links do nothing when clicked until {@link #setLinkHandler} is called. */
    public MarkdownView() {
        this(url -> { });
    }

    /** @param linkHandler receives the URL of a clicked link, on the FX thread */
    public MarkdownView(Consumer<String> linkHandler) {
        setLinkHandler(linkHandler);
        getStyleClass().add("md-view");
    }

    /** The URL of the stylesheet with the {@code md-*} styles, for {@code Scene.getStylesheets()}. */
    public static String stylesheet() {
        return Objects.requireNonNull(MarkdownView.class.getResource("markdown.css"), "markdown.css")
                .toExternalForm();
    }

    /** Sets who receives the URL of a clicked link; applies to links already shown too. */
    public void setLinkHandler(Consumer<String> linkHandler) {
        this.linkHandler = Objects.requireNonNull(linkHandler, "linkHandler");
    }

    /**
     * Shows {@code raw} (null counts as empty). Blocks equal to the ones shown keep their nodes;
     * the current highlight range is kept and applied to the new text.
     */
    public void setMarkdown(String raw) {
        String text = raw == null ? "" : raw;
        if (text.equals(markdown)) {
            return;
        }
        markdown = text;
        plainText = null;
        List<Block> next = MarkdownParser.parse(text);
        ObservableList<Node> children = getChildren();
        List<Node> added = new ArrayList<>();
        for (int i = 0; i < next.size(); i++) {
            Block block = next.get(i);
            if (i < views.size()) {
                BlockView view = views.get(i);
                if (view.block().equals(block)) {
                    continue;
                }
                if (view.update(block)) {
                    view.highlight(highlightStart, highlightEnd);
                    continue;
                }
                BlockView replacement = newView(block);
                views.set(i, replacement);
                children.set(i, replacement.node());
            } else {
                BlockView view = newView(block);
                views.add(view);
                added.add(view.node());
            }
        }
        if (!added.isEmpty()) {
            children.addAll(added);
        }
        if (views.size() > next.size()) {
            children.remove(next.size(), views.size());
            views.subList(next.size(), views.size()).clear();
        }
        blocks = next;
    }

    private BlockView newView(Block block) {
        BlockView view = BlockView.of(block, url -> linkHandler.accept(url));
        view.highlight(highlightStart, highlightEnd);
        return view;
    }

    /** The raw Markdown shown, for "copy as Markdown". */
    public String markdown() {
        return markdown;
    }

    /** The text shown without markup, for "copy as text"; see {@link PlainText}. */
    public String plainText() {
        if (plainText == null) {
            plainText = PlainText.of(blocks);
        }
        return plainText;
    }

    /**
     * Highlights the raw Markdown range {@code [start, end)}, typically a {@code SpeechChunk}'s
     * range: text nodes inside it are split off at the range boundaries, get the style class
     * {@code md-spoken}, and have the {@code -md-spoken} colour drawn behind them. The range may
     * reach past the text received so far; it then applies as the text arrives. An empty range
     * clears the highlight.
     */
    public void setHighlight(int start, int end) {
        highlightStart = start;
        highlightEnd = end;
        for (BlockView view : views) {
            view.highlight(start, end);
        }
    }

    /** Removes the highlight. */
    public void clearHighlight() {
        setHighlight(0, 0);
    }

    /** The blocks shown, in order, one per child node. */
    List<Block> blocks() {
        return blocks;
    }
}
