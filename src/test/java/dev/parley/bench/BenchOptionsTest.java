package dev.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.config.ConfigException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void flagsOverrideTheFullRun() throws ConfigException {
        BenchOptions options = BenchOptions.parse(List.of("--reps", "5", "--clients", "1,10", "--speech-up-to", "0",
                "--out", "build/bench"));

        assertThat(options.repetitions()).isEqualTo(5);
        assertThat(options.clients()).containsExactly(1, 10);
        assertThat(options.maxClients()).isEqualTo(10);
        assertThat(options.speechUpTo()).isZero();
        assertThat(options.out()).isEqualTo(Path.of("build/bench"));
        assertThat(options.headroomRates()).isEqualTo(BenchOptions.full().headroomRates());
    }

    @Test
    void quickStartsFromTheQuickRunWhereverItStands() throws ConfigException {
        assertThat(BenchOptions.parse(List.of("--reps", "2", "--quick"))).isEqualTo(
                new BenchOptions(2, BenchOptions.quick().clients(), BenchOptions.quick().speechUpTo(),
                        BenchOptions.quick().tokensPerSecond(), BenchOptions.quick().headroomRates(),
                        BenchOptions.quick().replyTokens(), BenchOptions.quick().firstTokenDelayMillis(),
                        BenchOptions.quick().out()));
    }

    @Test
    void badFlagsAreRefusedWithTheUsage() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--fast"))).hasMessage(
                "unknown bench option '--fast'; usage: " + BenchOptions.USAGE);
        assertThatThrownBy(() -> BenchOptions.parse(List.of("fast"))).hasMessageStartingWith("unexpected 'fast'");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--reps", "0"))).hasMessage("--reps must be at least 1");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--clients", "1,x")))
                .hasMessage("--clients needs a whole number, not 'x'");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--reps"))).hasMessage("--reps needs a value");
    }
}
