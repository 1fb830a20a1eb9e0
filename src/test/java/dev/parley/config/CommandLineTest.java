package dev.parley.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.config.CommandLine.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandLineTest {

    @Test
    void noArgumentsOpensTheWindow() throws Exception {
        assertThat(CommandLine.parse().mode()).isEqualTo(Mode.WINDOW);
    }

    @Test
    void headlessWithPortAndHost() throws Exception {
        CommandLine line = CommandLine.parse("--headless", "--port", "9001", "--host=0.0.0.0");
        assertThat(line.mode()).isEqualTo(Mode.HEADLESS);
        assertThat(line.port()).isEqualTo("9001");
        assertThat(line.host()).isEqualTo("0.0.0.0");
    }

    @Test
    void voiceCommandsTakeOperands() throws Exception {
        assertThat(CommandLine.parse("--list-voices", "en_US").arguments()).containsExactly("en_US");
        assertThat(CommandLine.parse("--list-voices").arguments()).isEmpty();
        CommandLine download = CommandLine.parse("--download-voice", "a", "b");
        assertThat(download.mode()).isEqualTo(Mode.DOWNLOAD_VOICES);
        assertThat(download.arguments()).containsExactly("a", "b");
        assertThat(CommandLine.parse("--bench-voices").mode()).isEqualTo(Mode.BENCH_VOICES);
        assertThat(CommandLine.parse("-h").mode()).isEqualTo(Mode.HELP);
        assertThat(CommandLine.parse("--version").mode()).isEqualTo(Mode.VERSION);
    }

    @Test
    void benchTakesEverythingAfterItAsItsOwnOptions() throws Exception {
        CommandLine bench = CommandLine.parse("--bench", "--reps", "2", "--port", "9");
        assertThat(bench.mode()).isEqualTo(Mode.BENCH);
        assertThat(bench.arguments()).containsExactly("--reps", "2", "--port", "9");
        assertThat(bench.port()).isNull();
        assertThat(CommandLine.parse("--bench").arguments()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--frobnicate              | unknown option --frobnicate",
        "--port                    | --port needs a value",
        "--download-voice          | --download-voice needs at least one voice id",
        "--headless extra          | unexpected argument 'extra'",
        "--headless --bench-voices | --bench-voices cannot be combined",
        "--headless --bench        | --bench cannot be combined",
        "--list-voices en de       | --list-voices takes at most one language",
    })
    void mistakesAreExplained(String args, String message) {
        assertThatThrownBy(() -> CommandLine.parse(args.split(" "))).hasMessageStartingWith(message);
    }
}
