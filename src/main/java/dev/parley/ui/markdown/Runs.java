package dev.parley.ui.markdown;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns inline trees into flat {@link Run} lists, the unit the renderer draws, and cuts runs at
 * the boundaries of a highlighted raw range. Pure functions.
 */
final class Runs {

    private Runs() {
    }

    /** The runs of {@code inlines}, each drawn with {@code baseFlags} plus its own styles. */
    static List<Run> of(List<Inline> inlines, int baseFlags) {
        List<Run> runs = new ArrayList<>();
        for (Inline inline : inlines) {
            collect(inline, baseFlags, null, runs);
        }
        return runs;
    }

    private static void collect(Inline inline, int flags, String url, List<Run> runs) {
        if (inline instanceof Inline.Text text) {
            add(runs, new Run(text.text(), text.start(), text.end(), flags, url));
        } else if (inline instanceof Inline.LineBreak lineBreak) {
            add(runs, new Run(lineBreak.text(), lineBreak.start(), lineBreak.end(), flags, url));
        } else if (inline instanceof Inline.Styled styled) {
            for (Inline child : styled.children()) {
                collect(child, flags | flag(styled.style()), url, runs);
            }
        } else if (inline instanceof Inline.Link link) {
            for (Inline child : link.children()) {
                collect(child, flags | Run.LINK, link.url(), runs);
            }
        }
    }

    private static int flag(Inline.Style style) {
        return switch (style) {
            case BOLD -> Run.BOLD;
            case ITALIC -> Run.ITALIC;
            case STRIKETHROUGH -> Run.STRIKETHROUGH;
            case CODE -> Run.CODE;
        };
    }

    /** Appends {@code run}, merging it into the previous run when that run simply goes on. */
    private static void add(List<Run> runs, Run run) {
        if (run.text().isEmpty()) {
            return;
        }
        if (!runs.isEmpty()) {
            Run previous = runs.get(runs.size() - 1);
            if (previous.sameStyle(run) && previous.end() == run.start() && previous.isAligned()
                    && run.isAligned()) {
                runs.set(runs.size() - 1, new Run(previous.text() + run.text(), previous.start(),
                        run.end(), run.flags(), run.url()));
                return;
            }
        }
        runs.add(run);
    }

    /**
     * The runs with the raw range {@code [start, end)} marked {@link Run#SPOKEN}. An aligned run
     * that the range cuts is split at the range boundaries into up to three runs; a run that is
     * not aligned is marked whole when the range overlaps it. Returns {@code runs} itself when
     * the range overlaps none of them (including an empty range).
     */
    static List<Run> highlight(List<Run> runs, int start, int end) {
        if (start >= end || runs.stream().noneMatch(run -> run.start() < end && start < run.end())) {
            return runs;
        }
        List<Run> out = new ArrayList<>(runs.size() + 2);
        for (Run run : runs) {
            if (run.end() <= start || end <= run.start()) {
                out.add(run);
            } else if (!run.isAligned()) {
                out.add(spoken(run, 0, run.text().length()));
            } else {
                int from = Math.max(start, run.start()) - run.start();
                int to = Math.min(end, run.end()) - run.start();
                if (from > 0) {
                    out.add(piece(run, 0, from, run.flags()));
                }
                out.add(spoken(run, from, to));
                if (to < run.text().length()) {
                    out.add(piece(run, to, run.text().length(), run.flags()));
                }
            }
        }
        return out;
    }

    private static Run spoken(Run run, int from, int to) {
        if (!run.isAligned()) {
            return new Run(run.text(), run.start(), run.end(), run.flags() | Run.SPOKEN, run.url());
        }
        return piece(run, from, to, run.flags() | Run.SPOKEN);
    }

    private static Run piece(Run run, int from, int to, int flags) {
        return new Run(run.text().substring(from, to), run.start() + from, run.start() + to, flags, run.url());
    }
}
