package dev.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOverAHundredSamples() {
        double[] samples = IntStream.rangeClosed(1, 100).mapToDouble(i -> 101 - i).toArray();

        assertThat(Percentiles.ofMillis(samples)).isEqualTo(new Percentiles(100, 50, 99));
    }

    @Test
    void oneSampleIsEveryPercentile() {
        assertThat(Percentiles.ofNanos(List.of(2_500_000L))).isEqualTo(new Percentiles(1, 2.5, 2.5));
    }

    @Test
    void noSamplesGiveNoFigures() {
        assertThat(Percentiles.ofMillis(new double[0]).count()).isZero();
        assertThat(Percentiles.ofMillis(new double[0]).p50()).isNaN();
    }
}
