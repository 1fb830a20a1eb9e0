package dev.parley.ui.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Path;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MarkdownViewTest {

    private final List<String> opened = new ArrayList<>();
    private MarkdownView view;
    private Scene scene;

    @Start
    void start(Stage stage) {
        view = new MarkdownView(opened::add);
        scene = new Scene(new StackPane(view), 480, 640);
        scene.getStylesheets().add(MarkdownView.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void drawsBoldItalicAndCodeWithTheirFonts(FxRobot robot) {
        show(robot, "Plain **bold** *italic* ***both*** and `code`.\n\n```java\nint x = 1; // **not bold**\n```");

        assertThat(text("Plain ").getFont().getStyle()).doesNotContain("Bold").doesNotContain("Italic");
        assertThat(text("bold").getFont().getStyle()).contains("Bold");
        assertThat(text("italic").getFont().getStyle()).matches(".*(Italic|Oblique).*");
        assertThat(text("both").getFont().getStyle()).contains("Bold").matches(".*(Italic|Oblique).*");
        assertThat(text("code").getFont().getFamily()).containsIgnoringCase("mono");
        assertThat(text("Plain ").getFont().getFamily()).doesNotContainIgnoringCase("mono");

        Text code = text("int x = 1; // **not bold**");
        assertThat(code.getFont().getFamily()).containsIgnoringCase("mono");
        assertThat(code.getFont().getStyle()).doesNotContain("Bold");
        assertThat(ancestorsOf(code)).anySatisfy(node -> assertThat(node.getStyleClass()).contains("md-code-block"));
    }

    @Test
    void drawsHeadingsLargerThanText(FxRobot robot) {
        show(robot, "# Title\n\n### Smaller\n\nBody text");

        double body = text("Body text").getFont().getSize();
        assertThat(text("Title").getFont().getSize()).isGreaterThan(text("Smaller").getFont().getSize());
        assertThat(text("Smaller").getFont().getSize()).isGreaterThan(body);
        assertThat(text("Title").getFont().getStyle()).contains("Bold");
    }

    @Test
    void drawsListsWithBulletsNumbersAndIndentation(FxRobot robot) {
        show(robot, "- first\n  - nested\n- second\n\n1. one\n1. two");

        List<String> markers = robot.lookup(".md-list-marker").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertThat(markers).containsExactly("•", "◦", "•", "1.", "2.");
        double first = text("first").localToScene(0, 0).getX();
        double nested = text("nested").localToScene(0, 0).getX();
        assertThat(nested).isGreaterThan(first);
        assertThat(text("second").localToScene(0, 0).getX()).isEqualTo(first);
    }

    @Test
    void wrapsTextToTheAvailableWidth(FxRobot robot) {
        show(robot, "word ".repeat(200));

        Node paragraph = view.getChildren().get(0);
        assertThat(paragraph.getBoundsInParent().getWidth()).isLessThanOrEqualTo(480);
        assertThat(paragraph.getBoundsInParent().getHeight()).isGreaterThan(5 * text("word ".repeat(200).strip())
                .getFont().getSize());
    }

    @Test
    void highlightSplitsTextAtTheRangeAndMarksExactlyTheCoveredNodes(FxRobot robot) {
        show(robot, "Hello **big** world. Next one.\n\n- Item two.");

        robot.interact(() -> view.setHighlight(2, 10));
        layout(robot);
        assertThat(texts(".md-spoken")).containsExactly("llo ", "bi");
        assertThat(texts(".md-text")).containsExactly("He", "llo ", "bi", "g", " world. Next one.", "Item two.");
        assertThat(highlightShape(0).getElements()).isNotEmpty();
        assertThat(highlightShape(1).getElements()).isEmpty();

        robot.interact(() -> view.setHighlight(21, 43));
        layout(robot);
        assertThat(texts(".md-spoken")).containsExactly("Next one.", "Item two.");
        assertThat(texts(".md-text")).containsExactly("Hello ", "big", " world. ", "Next one.", "Item two.");

        robot.interact(view::clearHighlight);
        layout(robot);
        assertThat(texts(".md-spoken")).isEmpty();
        assertThat(texts(".md-text")).containsExactly("Hello ", "big", " world. Next one.", "Item two.");
        assertThat(highlightShape(0).getElements()).isEmpty();
    }

    @Test
    void highlightSetBeforeTheTextArrivesAppliesToIt(FxRobot robot) {
        robot.interact(() -> {
            view.setMarkdown("First sentence. ");
            view.setHighlight(16, 32);
            view.setMarkdown("First sentence. Second one. Third.");
        });
        assertThat(texts(".md-spoken")).containsExactly("Second one. Thir");
    }

    @Test
    void linksShowTheirTextAndOpenTheirUrlWhenClicked(FxRobot robot) {
        show(robot, "Read [the docs](https://example.com/docs) first.");

        Text link = text("the docs");
        assertThat(link.getStyleClass()).contains("md-link");
        assertThat(link.getProperties()).containsKey("javafx.scene.control.Tooltip");
        robot.clickOn(link, MouseButton.PRIMARY);
        assertThat(opened).containsExactly("https://example.com/docs");
    }

    @Test
    void keepsTheMarkdownAndItsPlainText(FxRobot robot) {
        show(robot, "# Title\n\nSome **bold** text.");

        assertThat(view.markdown()).isEqualTo("# Title\n\nSome **bold** text.");
        assertThat(view.plainText()).isEqualTo("Title\n\nSome bold text.");
    }

    @Test
    void aGrowingParagraphKeepsItsNodes(FxRobot robot) {
        show(robot, "Hello");
        Node paragraph = view.getChildren().get(0);
        Text hello = text("Hello");

        show(robot, "Hello wor");
        assertThat(view.getChildren().get(0)).isSameAs(paragraph);
        assertThat(text("Hello wor")).isSameAs(hello);
    }

    @Test
    void streamingReusesUnchangedBlocksAndLeavesNoStrayNodes(FxRobot robot) {
        String reply = Describe.sampleReply();
        int steps = 500;
        Map<Block, Node> firstNodeOfBlock = new HashMap<>();
        List<Integer> counts = new ArrayList<>();
        List<Integer> freshCounts = new ArrayList<>();
        List<String> reuseFailures = new ArrayList<>();
        robot.interact(() -> {
            for (int step = 1; step <= steps; step++) {
                String prefix = reply.substring(0, reply.length() * step / steps);
                view.setMarkdown(prefix);
                List<Block> blocks = view.blocks();
                for (int i = 0; i < blocks.size(); i++) {
                    Node node = view.getChildren().get(i);
                    Node earlier = firstNodeOfBlock.putIfAbsent(blocks.get(i), node);
                    if (earlier != null && earlier != node) {
                        reuseFailures.add("step " + step + ", block " + i);
                    }
                }
                if (step % 10 == 0) {
                    counts.add(nodeCount(view));
                    MarkdownView fresh = new MarkdownView();
                    fresh.setMarkdown(prefix);
                    freshCounts.add(nodeCount(fresh));
                }
            }
        });

        assertThat(reuseFailures).isEmpty();
        assertThat(counts).isEqualTo(freshCounts);
        assertThat(view.getChildren()).hasSize(MarkdownParser.parse(reply).size());
        assertThat(view.plainText()).isEqualTo(PlainText.of(MarkdownParser.parse(reply)));
    }

    private void show(FxRobot robot, String markdown) {
        robot.interact(() -> view.setMarkdown(markdown));
        layout(robot);
    }

    private void layout(FxRobot robot) {
        robot.interact(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
        });
    }

    private Text text(String content) {
        List<Text> matches = allTexts().stream().filter(text -> text.getText().equals(content)).toList();
        assertThat(matches).as("text nodes showing \"%s\"", content).hasSize(1);
        return matches.get(0);
    }

    private List<String> texts(String styleClass) {
        return allTexts().stream().filter(text -> text.getStyleClass().contains(styleClass.substring(1)))
                .map(Text::getText).collect(Collectors.toList());
    }

    private List<Text> allTexts() {
        List<Text> texts = new ArrayList<>();
        collectTexts(view, texts);
        return texts;
    }

    private static void collectTexts(Parent parent, List<Text> out) {
        for (Node child : parent.getChildrenUnmodifiable()) {
            if (child instanceof Text text && text.getStyleClass().contains("md-text")) {
                out.add(text);
            } else if (child instanceof Parent nested && !(child instanceof Control)) {
                collectTexts(nested, out);
            }
        }
    }

    private Path highlightShape(int block) {
        List<Path> shapes = new ArrayList<>();
        new Object() {
            void find(Parent parent) {
                for (Node child : parent.getChildrenUnmodifiable()) {
                    if (child instanceof Path path && path.getStyleClass().contains("md-spoken-background")) {
                        shapes.add(path);
                    } else if (child instanceof Parent nested) {
                        find(nested);
                    }
                }
            }
        }.find((Parent) view.getChildren().get(block));
        assertThat(shapes).hasSize(1);
        return shapes.get(0);
    }

    private static List<Parent> ancestorsOf(Node node) {
        List<Parent> ancestors = new ArrayList<>();
        for (Parent parent = node.getParent(); parent != null; parent = parent.getParent()) {
            ancestors.add(parent);
        }
        return ancestors;
    }

    /** Nodes under {@code root}, not counting the skins of controls (labels). */
    private static int nodeCount(Parent root) {
        int count = 0;
        Map<Node, Boolean> seen = new IdentityHashMap<>();
        List<Node> pending = new ArrayList<>(root.getChildrenUnmodifiable());
        while (!pending.isEmpty()) {
            Node node = pending.remove(pending.size() - 1);
            if (seen.put(node, Boolean.TRUE) == null) {
                count++;
                if (node instanceof Parent parent && !(node instanceof Control)) {
                    pending.addAll(parent.getChildrenUnmodifiable());
                }
            }
        }
        return count;
    }
}
