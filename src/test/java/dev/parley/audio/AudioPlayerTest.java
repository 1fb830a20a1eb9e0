package dev.parley.audio;

import static dev.parley.audio.Signals.bytes;
import static dev.parley.audio.Signals.chunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(30)
class AudioPlayerTest {

    private static final int BLOCK_BYTES_16K = 640;

    private final RecordingListener listener = new RecordingListener();
    private AudioPlayer player;

    @AfterEach
    void closePlayer() {
        if (player != null) {
            player.close();
        }
    }

    private FakeDevice start(FakeDevice device) {
        player = AudioPlayer.start(listener, device);
        return device;
    }

    @Test
    void playsChunksInEnqueueOrderAcrossTurnsOnOneLineWithoutDraining() throws Exception {
        FakeDevice device = start(FakeDevice.instant());
        Pcm a = chunk(1, 1000, 16000);
        Pcm b = chunk(2, 3, 16000);
        Pcm empty = new Pcm(new short[0], 16000);
        Pcm c = chunk(3, 640, 16000);
        Pcm d = chunk(4, 2500, 16000);

        PlaybackTurn first = player.beginTurn();
        first.enqueue(a, "a");
        first.enqueue(b, "b");
        first.enqueue(empty, "empty");
        first.enqueue(c, "c");
        first.end();
        PlaybackTurn second = player.beginTurn();
        second.enqueue(d, "d");
        second.end();
        listener.awaitTurns(2);

        FakeLine line = device.onlyLine();
        assertThat(line.written()).isEqualTo(bytes(a, b, empty, c, d));
        assertThat(line.events()).as("runs through each turn, idle in between")
                .containsExactly("open", "start", "stop", "start", "stop");
        assertThat(line.getBufferSize()).isEqualTo(OutputLine.bufferBytes(16000));
        assertThat(listener.events()).containsExactly(
                "started a", "finished a", "started b", "finished b", "started empty", "finished empty",
                "started c", "finished c", "turn done", "started d", "finished d", "turn done");
        assertThat(listener.turns()).containsExactly(first, second);
        assertThat(listener.stats()).extracting(TurnStats::chunksPlayed, TurnStats::bytesPlayed, TurnStats::stopped)
                .containsExactly(
                        tuple(4, (long) bytes(a, b, empty, c).length, false),
                        tuple(1, (long) bytes(d).length, false));
        assertThat(listener.threads()).extracting(Thread::getName).containsOnly(AudioPlayer.THREAD_NAME);
    }

    @Test
    void rateChangePlaysOutTheOldLineBeforeOpeningOneForTheNewRate() throws Exception {
        FakeDevice device = start(FakeDevice.manual());
        Pcm low = chunk(1, 1600, 16000);
        Pcm high = chunk(2, 2205, 22050);
        Pcm highAgain = chunk(3, 300, 22050);
        PlaybackTurn turn = player.beginTurn();
        turn.enqueue(low, "low");
        turn.enqueue(high, "high");
        turn.enqueue(highAgain, "high again");
        turn.end();

        listener.await("finished low");
        assertThat(device.lines()).as("no new line while the old one still sounds").hasSize(1);
        device.playOut();
        listener.await("finished high again");
        device.playOut();
        listener.awaitTurns(1);

        List<FakeLine> lines = device.lines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).getFormat().getSampleRate()).isEqualTo(16000f);
        assertThat(lines.get(0).written()).isEqualTo(bytes(low));
        assertThat(lines.get(0).events()).as("closed, never flushed").containsExactly("open", "start", "close");
        assertThat(lines.get(1).events()).containsExactly("open", "start", "stop");
        assertThat(lines.get(1).getFormat().getSampleRate()).isEqualTo(22050f);
        assertThat(lines.get(1).getBufferSize()).isEqualTo(OutputLine.bufferBytes(22050));
        assertThat(lines.get(1).written()).isEqualTo(bytes(high, highAgain));
        assertThat(listener.stats().get(0).underruns()).isZero();
    }

    @ParameterizedTest(name = "line ran dry before the late chunk: {0} -> {1} underruns")
    @CsvSource({"true, 1", "false, 0"})
    void aLateChunkIsAnUnderrunOnlyIfTheLineRanDryWaitingForIt(boolean ranDry, int underruns)
            throws Exception {
        FakeDevice device = start(FakeDevice.manual());
        PlaybackTurn turn = player.beginTurn();
        turn.enqueue(chunk(1, 800, 16000), "a");
        listener.await("finished a");
        if (ranDry) {
            device.playOut();
        }
        turn.enqueue(chunk(2, 800, 16000), "b");
        turn.end();
        listener.await("finished b");
        device.playOut();
        listener.awaitTurns(1);

        assertThat(listener.stats().get(0).underruns()).isEqualTo(underruns);
        assertThat(listener.stats().get(0).chunksPlayed()).isEqualTo(2);
    }

    @Test
    void chunksQueuedAheadCauseNoUnderrunAndWaitingForTheFirstChunkIsNone() throws Exception {
        FakeDevice device = start(FakeDevice.manual());
        PlaybackTurn turn = player.beginTurn();
        turn.enqueue(chunk(1, 800, 16000), "a");
        listener.await("finished a");
        device.playOut();
        turn.end();
        listener.awaitTurns(1);
        PlaybackTurn ahead = player.beginTurn();
        for (int i = 0; i < 5; i++) {
            ahead.enqueue(chunk(i, 700, 16000), "c" + i);
        }
        ahead.end();
        listener.await("finished c4");
        device.playOut();
        listener.awaitTurns(2);

        assertThat(listener.stats()).extracting(TurnStats::underruns).containsExactly(0, 0);
    }

    @Test
    void volumeHalvesSamplesAndMuteWritesSilenceOfTheSameLength() throws Exception {
        FakeDevice device = start(FakeDevice.instant());
        Pcm a = chunk(1, 1000, 16000);
        Pcm b = chunk(2, 900, 16000);
        Pcm c = chunk(3, 500, 16000);

        player.setVolume(0.5);
        playTurn(a);
        player.setMuted(true);
        playTurn(b);
        player.setMuted(false);
        playTurn(c);

        assertThat(player.volume()).isEqualTo(0.5);
        assertThat(device.onlyLine().written()).isEqualTo(bytes(
                Signals.halved(a), new Pcm(new short[b.samples().length], 16000), Signals.halved(c)));
        assertThat(listener.events()).containsSubsequence("started 1", "finished 1", "turn done");
    }

    @Test
    void volumeChangeAppliesFromTheNextWriteBlockWithinAChunk() throws Exception {
        FakeDevice device = start(FakeDevice.instant());
        Pcm pcm = chunk(1, 10 * 320, 16000);
        device.gate().holdAfter(2 * BLOCK_BYTES_16K);
        PlaybackTurn turn = player.beginTurn();
        turn.enqueue(pcm, "a");
        turn.end();
        device.gate().awaitHeld();
        player.setVolume(0.5);
        device.gate().release();
        listener.awaitTurns(1);

        byte[] full = bytes(pcm);
        byte[] half = bytes(Signals.halved(pcm));
        int switchAt = 3 * BLOCK_BYTES_16K; // the held third block was scaled before the change
        byte[] expected = full.clone();
        System.arraycopy(half, switchAt, expected, switchAt, half.length - switchAt);
        assertThat(device.onlyLine().written()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.01, 1.01, Double.NaN})
    void rejectsVolumeOutsideZeroToOne(double volume) {
        start(FakeDevice.instant());
        assertThatThrownBy(() -> player.setVolume(volume)).isInstanceOf(IllegalArgumentException.class);
        assertThat(player.volume()).isEqualTo(1.0);
    }

    @Test
    void stopCutsTheChunkBeingWrittenDropsTheQueueFlushesAndPlaysLaterTurns() throws Exception {
        FakeDevice device = start(FakeDevice.instant());
        Pcm a = chunk(1, 1000, 16000);
        Pcm longChunk = chunk(2, 16000, 16000);
        Pcm dropped = chunk(3, 500, 16000);
        Pcm after = chunk(4, 700, 16000);
        device.gate().holdAfter(bytes(a).length + 3L * BLOCK_BYTES_16K);
        PlaybackTurn turn = player.beginTurn();
        turn.enqueue(a, "a");
        turn.enqueue(longChunk, "long");
        turn.enqueue(dropped, "dropped");
        turn.end();

        device.gate().awaitHeld();
        player.stop();
        device.gate().release();
        listener.awaitTurns(1);
        PlaybackTurn next = player.beginTurn();
        next.enqueue(after, "after");
        next.end();
        listener.awaitTurns(2);

        byte[] written = device.onlyLine().written();
        int aLength = bytes(a).length;
        int afterLength = bytes(after).length;
        byte[] cut = Arrays.copyOfRange(written, aLength, written.length - afterLength);
        assertThat(Arrays.copyOfRange(written, 0, aLength)).isEqualTo(bytes(a));
        assertThat(Arrays.copyOfRange(written, written.length - afterLength, written.length))
                .isEqualTo(bytes(after));
        assertThat(cut).isNotEmpty().hasSizeLessThan(bytes(longChunk).length)
                .isEqualTo(Arrays.copyOf(bytes(longChunk), cut.length));
        assertThat(device.onlyLine().events())
                .containsExactly("open", "start", "stop", "flush@" + (aLength + cut.length), "start", "stop");
        assertThat(listener.events()).containsExactly(
                "started a", "finished a", "started long", "turn stopped", "started after", "finished after",
                "turn done");
        TurnStats stopped = listener.stats().get(0);
        assertThat(stopped.chunksPlayed()).isEqualTo(1);
        assertThat(stopped.bytesPlayed()).isEqualTo(aLength + cut.length);
        assertThat(turn.enqueue(dropped, "late")).as("a stopped turn refuses chunks").isFalse();
    }

    @Test
    void stopWhileAwaitingChunksFlushesTheLineAndFinishesTheTurnAsStopped() throws Exception {
        FakeDevice device = start(FakeDevice.manual());
        PlaybackTurn turn = player.beginTurn();
        turn.enqueue(chunk(1, 800, 16000), "a");
        listener.await("finished a");

        player.stop();
        listener.awaitTurns(1);

        assertThat(device.onlyLine().events()).containsExactly("open", "start", "stop", "flush@1600");
        assertThat(listener.stats()).extracting(TurnStats::stopped, TurnStats::chunksPlayed)
                .containsExactly(tuple(true, 1));
        assertThat(turn.enqueue(chunk(2, 10, 16000), "b")).isFalse();
    }

    @Test
    void stopReportsEveryUnfinishedTurnOnceInOrderAndPlaysNoneOfTheirQueuedAudio() throws Exception {
        FakeDevice device = start(FakeDevice.manual());
        Pcm a = chunk(1, 800, 16000);
        PlaybackTurn first = player.beginTurn();
        first.enqueue(a, "a");
        first.end();
        listener.await("finished a");
        PlaybackTurn second = player.beginTurn();
        second.enqueue(chunk(2, 800, 16000), "b");
        second.end();

        player.stop();
        listener.awaitTurns(2);

        assertThat(device.onlyLine().written()).isEqualTo(bytes(a));
        assertThat(listener.events()).containsExactly("started a", "finished a", "turn stopped", "turn stopped");
        assertThat(listener.turns()).containsExactly(first, second);
        assertThat(listener.stats().get(1).chunksPlayed()).isZero();
    }

    @Test
    void beginningATurnEndsTheOpenOneWhichStillPlaysOut() throws Exception {
        FakeDevice device = start(FakeDevice.instant());
        Pcm a = chunk(1, 500, 16000);
        Pcm b = chunk(2, 500, 16000);
        PlaybackTurn first = player.beginTurn();
        first.enqueue(a, "a");
        PlaybackTurn second = player.beginTurn();

        assertThat(first.enqueue(chunk(3, 500, 16000), "late")).isFalse();
        second.enqueue(b, "b");
        second.end();
        listener.awaitTurns(2);

        assertThat(device.onlyLine().written()).isEqualTo(bytes(a, b));
        assertThat(listener.events()).containsExactly(
                "started a", "finished a", "turn done", "started b", "finished b", "turn done");
    }

    @ParameterizedTest
    @EnumSource(value = FakeDevice.Failure.class, names = {"NO_MATCHING_LINE", "LINE_UNAVAILABLE", "OPEN_FAILS"})
    void withoutAnOutputReportsOnceDropsAudioAndRetriesOnLaterTurns(FakeDevice.Failure failure)
            throws Exception {
        FakeDevice device = start(FakeDevice.instant());
        device.fail(failure);
        playTurn(chunk(1, 500, 16000), chunk(2, 500, 16000), chunk(3, 500, 16000));
        assertThat(device.lineRequests()).as("one attempt per turn, not per chunk").isEqualTo(1);
        playTurn(chunk(4, 500, 16000));
        assertThat(device.lineRequests()).isEqualTo(2);

        device.fail(FakeDevice.Failure.NONE);
        Pcm heard = chunk(5, 500, 16000);
        playTurn(heard);
        device.fail(failure);
        playTurn(chunk(6, 500, 22050));

        assertThat(listener.events()).containsExactly(
                "unavailable", "turn done", "turn done",
                "started 5", "finished 5", "turn done",
                "unavailable", "turn done");
        assertThat(listener.reasons()).allSatisfy(reason -> assertThat(reason).startsWith("no audio output"));
        assertThat(listener.stats()).extracting(TurnStats::chunksPlayed).containsExactly(0, 0, 1, 0);
        assertThat(device.lines()).filteredOn(line -> line.events().contains("open")).singleElement()
                .satisfies(line -> assertThat(line.written()).isEqualTo(bytes(heard)));
    }

    @ParameterizedTest
    @EnumSource(value = FakeDevice.Failure.class, names = {"WRITES_SHORT", "WRITES_THROW"})
    void aFailingLineIsReportedClosedAndReplacedOnTheNextTurn(FakeDevice.Failure failure) throws Exception {
        FakeDevice device = start(FakeDevice.instant());
        device.fail(failure);
        playTurn(chunk(1, 500, 16000), chunk(2, 500, 16000));
        device.fail(FakeDevice.Failure.NONE);
        Pcm heard = chunk(3, 500, 16000);
        playTurn(heard);

        assertThat(listener.events()).containsExactly(
                "started 1", "unavailable", "turn done", "started 3", "finished 3", "turn done");
        List<FakeLine> lines = device.lines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).events()).last().isEqualTo("close");
        assertThat(lines.get(1).written()).isEqualTo(bytes(heard));
    }

    @Test
    void closeSilencesClosesTheLineEndsTheThreadAndReportsNothingMore() throws Exception {
        FakeDevice device = start(FakeDevice.manual());
        PlaybackTurn turn = player.beginTurn();
        turn.enqueue(chunk(1, 800, 16000), "a");
        listener.await("finished a");
        Thread playback = listener.threads().get(0);

        player.close();

        assertThat(playback.isAlive()).isFalse();
        assertThat(device.onlyLine().events()).last().isEqualTo("close");
        assertThat(listener.events()).containsExactly("started a", "finished a");
        assertThat(turn.enqueue(chunk(2, 10, 16000), "b")).isFalse();
        assertThat(player.beginTurn().enqueue(chunk(3, 10, 16000), "c")).isFalse();
    }

    @Test
    void aThrowingListenerDoesNotStopPlayback() throws Exception {
        FakeDevice device = FakeDevice.instant();
        RecordingListener recorder = new RecordingListener();
        player = AudioPlayer.start(new PlaybackListener() {
            @Override
            public void onChunkStarted(Object tag) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void onTurnFinished(PlaybackTurn turn, TurnStats stats) {
                recorder.onTurnFinished(turn, stats);
            }
        }, device);
        Pcm a = chunk(1, 500, 16000);
        Pcm b = chunk(2, 500, 16000);
        PlaybackTurn turn = player.beginTurn();
        turn.enqueue(a, "a");
        turn.enqueue(b, "b");
        turn.end();
        recorder.awaitTurns(1);

        assertThat(device.onlyLine().written()).isEqualTo(bytes(a, b));
    }

    /** Plays the chunks as one turn, tagged with their seeds, and waits for it to finish. */
    private void playTurn(Pcm... chunks) throws InterruptedException {
        int finishedBefore = listener.stats().size();
        PlaybackTurn turn = player.beginTurn();
        for (Pcm pcm : chunks) {
            turn.enqueue(pcm, seedOf(pcm));
        }
        turn.end();
        listener.awaitTurns(finishedBefore + 1);
    }

    private static int seedOf(Pcm pcm) {
        for (int seed = 0; seed < 100; seed++) {
            if (Arrays.equals(chunk(seed, pcm.samples().length, pcm.sampleRate()).samples(), pcm.samples())) {
                return seed;
            }
        }
        throw new IllegalArgumentException("not a Signals chunk");
    }
}
