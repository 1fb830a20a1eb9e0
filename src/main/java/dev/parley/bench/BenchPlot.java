package dev.parley.bench;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * The benchmark's plot, drawn with XChart (headless is fine): on top the distribution of relay
 * latency per client count, below the median time to first audio split into synthesis and the rest.
 */
final class BenchPlot {

    private static final int WIDTH = 900;
    private static final int PANEL_HEIGHT = 420;
    private static final int POINTS_PER_CURVE = 400;

    private BenchPlot() {
    }

    static void write(List<StreamFigures> relay, Path png) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, 2 * PANEL_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            paint(g, relayChart(relay), 0);
            paint(g, firstAudioChart(relay), PANEL_HEIGHT);
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", png.toFile());
    }

    private static void paint(Graphics2D g, Chart<?, ?> chart, int top) {
        Graphics2D panel = (Graphics2D) g.create(0, top, WIDTH, PANEL_HEIGHT);
        try {
            chart.paint(panel, WIDTH, PANEL_HEIGHT);
        } finally {
            panel.dispose();
        }
    }

    private static XYChart relayChart(List<StreamFigures> relay) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(PANEL_HEIGHT)
                .title("Relay latency per token: provider write to client receive")
                .xAxisTitle("latency (ms, log scale)").yAxisTitle("tokens at or below (%)").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(100.0);
        for (StreamFigures figures : relay) {
            double[] sorted = figures.relayMillis().clone();
            if (sorted.length == 0) {
                continue;
            }
            Arrays.sort(sorted);
            int points = Math.min(POINTS_PER_CURVE, sorted.length);
            double[] x = new double[points];
            double[] y = new double[points];
            for (int i = 0; i < points; i++) {
                int rank = (int) Math.round((i + 1.0) * sorted.length / points) - 1;
                x[i] = Math.max(sorted[rank], 0.001);
                y[i] = 100.0 * (rank + 1) / sorted.length;
            }
            chart.addSeries(label(figures), x, y);
        }
        return chart;
    }

    private static CategoryChart firstAudioChart(List<StreamFigures> relay) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(PANEL_HEIGHT)
                .title("Median time to first audio, from the first clause complete in the stream")
                .xAxisTitle("scenario").yAxisTitle("ms").build();
        chart.getStyler().setStacked(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        List<String> scenarios = new ArrayList<>();
        List<Double> synthesis = new ArrayList<>();
        List<Double> rest = new ArrayList<>();
        for (StreamFigures figures : relay) {
            if (figures.firstAudio().count() == 0) {
                continue;
            }
            double total = figures.firstAudio().p50();
            double synth = Math.min(figures.firstSynthesis().p50(), total);
            scenarios.add(label(figures));
            synthesis.add(synth);
            rest.add(total - synth);
        }
        if (scenarios.isEmpty()) {
            scenarios.add("no spoken scenario");
            synthesis.add(0.0);
            rest.add(0.0);
        }
        chart.addSeries("synthesis of the first chunk", scenarios, synthesis);
        chart.addSeries("waiting, delivery and relay", scenarios, rest);
        return chart;
    }

    static String label(StreamFigures figures) {
        return figures.clients() + (figures.clients() == 1 ? " client" : " clients")
                + (figures.speech() ? ", spoken" : ", text only");
    }
}
