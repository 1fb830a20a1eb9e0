package dev.parley.ui.voices;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressThrottleTest {

    private long now = 1_000;
    private final ProgressThrottle throttle = new ProgressThrottle(50, () -> now);

    @Test
    void letsTheFirstReportThroughThenAtMostOnePerInterval() {
        assertThat(throttle.shouldEmit(10, 100)).isTrue();
        now += 49;
        assertThat(throttle.shouldEmit(20, 100)).isFalse();
        now += 1;
        assertThat(throttle.shouldEmit(30, 100)).isTrue();
        assertThat(throttle.shouldEmit(40, 100)).isFalse();
        now += 120;
        assertThat(throttle.shouldEmit(50, 100)).isTrue();
    }

    @Test
    void alwaysLetsTheLastReportThrough() {
        assertThat(throttle.shouldEmit(10, 100)).isTrue();

        assertThat(throttle.shouldEmit(100, 100)).isTrue();
    }

    @Test
    void aSuppressedReportDoesNotRestartTheInterval() {
        assertThat(throttle.shouldEmit(10, 100)).isTrue();
        now += 30;
        assertThat(throttle.shouldEmit(20, 100)).isFalse();
        now += 20;

        assertThat(throttle.shouldEmit(30, 100)).isTrue();
    }
}
