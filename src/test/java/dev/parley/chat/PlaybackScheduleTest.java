package dev.parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlaybackScheduleTest {

    private final PlaybackSchedule schedule = new PlaybackSchedule();

    @Test
    void waitingForTheFirstChunkIsNoUnderrun() {
        schedule.arrived(5_000, 1_000);

        assertThat(schedule.underruns()).isZero();
    }

    @Test
    void aChunkReadyBeforeThePreviousOneEndsPlaysSeamlessly() {
        schedule.arrived(0, 1_000);
        schedule.arrived(900, 1_000);
        schedule.arrived(2_000, 500);

        assertThat(schedule.underruns()).isZero();
    }

    @Test
    void aChunkArrivingAfterThePreviousOneEndedIsAnUnderrun() {
        schedule.arrived(0, 1_000);
        schedule.arrived(1_001, 1_000);

        assertThat(schedule.underruns()).isEqualTo(1);
    }

    @Test
    void playbackDelayedByALateChunkShiftsTheDeadlineOfTheNext() {
        schedule.arrived(0, 1_000);
        schedule.arrived(3_000, 1_000);
        // Chunk 1 plays from 3,000 to 4,000, so 3,500 is in time although it is after 1,000 + 1,000.
        schedule.arrived(3_500, 1_000);
        schedule.arrived(6_000, 1_000);

        assertThat(schedule.underruns()).isEqualTo(2);
    }
}
