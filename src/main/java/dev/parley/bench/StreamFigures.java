package dev.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.DoubleStream;

/**
 * What the clients of one scenario measured, pooled over its repetitions.
 *
 * @param clients clients streaming at once
 * @param speech whether the turns were spoken (espeak-ng) or text only
 * @param tokensPerSecond the provider's token rate
 * @param turns turns measured
 * @param relay per token: from the provider writing it to a client receiving it
 * @param addedFirstToken per turn: time to first token through Parley minus the provider's own
 * @param firstAudio per turn: from the first clause being complete in the stream to its audio arriving
 * @param firstSynthesis per turn: synthesis of the first chunk ({@code first_synthesis_ms})
 * @param underruns per turn: the pipeline's count for real-time playback ({@code underruns}), summed
 * @param turnsWithUnderruns turns with at least one underrun
 * @param relayMillis every relay sample, for the plot
 */
record StreamFigures(int clients, boolean speech, double tokensPerSecond, int turns, Percentiles relay,
        Percentiles addedFirstToken, Percentiles firstAudio, Percentiles firstSynthesis, int underruns,
        int turnsWithUnderruns, double[] relayMillis) {

    static StreamFigures of(int clients, boolean speech, double tokensPerSecond, List<BenchClient> finished) {
        List<Long> relay = new ArrayList<>();
        List<Long> added = new ArrayList<>();
        List<Long> firstAudio = new ArrayList<>();
        DoubleStream.Builder synthesis = DoubleStream.builder();
        int underruns = 0;
        int turnsWithUnderruns = 0;
        for (BenchClient client : finished) {
            relay.addAll(client.relayNanos());
            added.add(client.addedFirstTokenNanos());
            if (client.firstAudioNanos() >= 0) {
                firstAudio.add(client.firstAudioNanos());
            }
            JsonNode metrics = client.metrics();
            if (metrics.path("first_synthesis_ms").isNumber()) {
                synthesis.add(metrics.get("first_synthesis_ms").asDouble());
            }
            int turnUnderruns = metrics.path("underruns").asInt();
            underruns += turnUnderruns;
            turnsWithUnderruns += turnUnderruns > 0 ? 1 : 0;
        }
        double[] relayMillis = Percentiles.millis(relay);
        return new StreamFigures(clients, speech, tokensPerSecond, finished.size(), Percentiles.ofMillis(relayMillis),
                Percentiles.ofNanos(added), Percentiles.ofNanos(firstAudio), Percentiles.ofMillis(synthesis.build().toArray()),
                underruns, turnsWithUnderruns, relayMillis);
    }

    /** The share of the median first audio that is the median synthesis, 0 to 1; NaN without audio. */
    double synthesisShare() {
        return firstSynthesis.p50() / firstAudio.p50();
    }
}
