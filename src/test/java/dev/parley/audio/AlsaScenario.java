package dev.parley.audio;

import static dev.parley.audio.Signals.chunk;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.SourceDataLine;

/**
 * Plays one scenario through the real Java Sound ALSA path, in a JVM of its own whose HOME holds the
 * {@code .asoundrc} chosen by {@link AlsaPlaybackTest}. Prints every listener event as a line
 * ({@code started <tag>}, {@code finished <tag>}, {@code turn <chunks> <bytes> <stopped>},
 * {@code unavailable <reason>}) and exits with 0 once its turns have finished.
 */
public final class AlsaScenario {

    static final List<Pcm> SEQUENCE = List.of(chunk(1, 4000, 16000), chunk(2, 1234, 16000), chunk(3, 8000, 16000));
    static final List<Pcm> RATE_CHANGE = List.of(chunk(4, 3000, 16000), chunk(5, 4410, 22050), chunk(6, 999, 22050));
    static final Pcm HALF_VOLUME = chunk(7, 5000, 16000);
    static final Pcm MUTED = chunk(8, 3000, 16000);
    static final Pcm BEFORE_STOP = chunk(9, 2000, 16000);
    static final Pcm CUT = chunk(10, 48000, 16000);
    static final Pcm DROPPED = chunk(11, 2000, 16000);
    static final Pcm AFTER_STOP = chunk(12, 1600, 16000);
    /** Bytes of {@link #CUT} written before {@link AudioPlayer#stop()} is called. */
    static final int CUT_AFTER_BYTES = 10 * 640;

    private AlsaScenario() {
    }

    public static void main(String[] args) throws Exception {
        Events events = new Events();
        WriteGate gate = new WriteGate();
        LineProvider lines = args[0].equals("stop") ? gated(gate) : LineProvider.SYSTEM;
        try (AudioPlayer player = AudioPlayer.start(events, lines)) {
            switch (args[0]) {
                case "sequence" -> events.play(player, SEQUENCE);
                case "rate-change" -> events.play(player, RATE_CHANGE);
                case "volume" -> {
                    player.setVolume(0.5);
                    events.play(player, List.of(HALF_VOLUME));
                    player.setMuted(true);
                    events.play(player, List.of(MUTED));
                }
                case "stop" -> {
                    gate.holdAfter(BEFORE_STOP.samples().length * 2L + CUT_AFTER_BYTES);
                    PlaybackTurn turn = player.beginTurn();
                    turn.enqueue(BEFORE_STOP, "before");
                    turn.enqueue(CUT, "cut");
                    turn.enqueue(DROPPED, "dropped");
                    turn.end();
                    gate.awaitHeld();
                    player.stop();
                    gate.release();
                    events.awaitTurns(1);
                    events.play(player, List.of(AFTER_STOP));
                }
                case "no-device" -> {
                    events.play(player, SEQUENCE);
                    events.play(player, SEQUENCE);
                }
                default -> throw new IllegalArgumentException("unknown scenario " + args[0]);
            }
        }
        System.out.flush();
    }

    /** The system's lines, with every write passing the gate first. */
    private static LineProvider gated(WriteGate gate) {
        return format -> {
            SourceDataLine line = AudioSystem.getSourceDataLine(format);
            return (SourceDataLine) Proxy.newProxyInstance(AlsaScenario.class.getClassLoader(),
                    new Class<?>[] {SourceDataLine.class}, (proxy, method, arguments) -> {
                        if (method.getName().equals("write")) {
                            gate.beforeWrite((Integer) arguments[2]);
                        }
                        try {
                            return method.invoke(line, arguments);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        };
    }

    private static final class Events implements PlaybackListener {

        private final RecordingListener recorder = new RecordingListener();

        @Override
        public void onChunkStarted(Object tag) {
            System.out.println("started " + tag);
            recorder.onChunkStarted(tag);
        }

        @Override
        public void onChunkFinished(Object tag) {
            System.out.println("finished " + tag);
            recorder.onChunkFinished(tag);
        }

        @Override
        public void onTurnFinished(PlaybackTurn turn, TurnStats stats) {
            System.out.println("turn " + stats.chunksPlayed() + " " + stats.bytesPlayed() + " " + stats.stopped());
            recorder.onTurnFinished(turn, stats);
        }

        @Override
        public void onUnavailable(String reason) {
            System.out.println("unavailable " + reason);
            recorder.onUnavailable(reason);
        }

        void awaitTurns(int count) throws InterruptedException {
            recorder.awaitTurns(count);
        }

        /** Plays the chunks as one turn tagged by index and waits for it to finish. */
        void play(AudioPlayer player, List<Pcm> chunks) throws InterruptedException {
            int finished = recorder.stats().size();
            PlaybackTurn turn = player.beginTurn();
            for (int i = 0; i < chunks.size(); i++) {
                turn.enqueue(chunks.get(i), i);
            }
            turn.end();
            recorder.awaitTurns(finished + 1);
        }
    }
}
