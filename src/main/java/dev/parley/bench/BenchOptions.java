package dev.parley.bench;

import dev.parley.config.ConfigException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code --bench} runs, from the flags that follow it.
 *
 * @param repetitions runs of every scenario (and headless starts); samples are pooled over them
 * @param clients client counts of the relay scenarios
 * @param speechUpTo scenarios with at most this many clients are spoken, larger ones text only
 * @param tokensPerSecond the provider's rate in the relay scenarios
 * @param headroomRates provider rates at which playback headroom is measured (one spoken client)
 * @param replyTokens tokens of the scripted reply (at most the whole script)
 * @param firstTokenDelayMillis the provider's own time to first token
 * @param out folder for {@code BENCHMARKS.md} and the plot
 */
record BenchOptions(int repetitions, List<Integer> clients, int speechUpTo, double tokensPerSecond,
        List<Integer> headroomRates, int replyTokens, long firstTokenDelayMillis, Path out) {

    static final String USAGE = "--bench [--quick] [--reps N] [--clients 1,50,200] [--speech-up-to N] [--out DIR]";

    BenchOptions {
        clients = List.copyOf(clients);
        headroomRates = List.copyOf(headroomRates);
    }

    /** The full run: about two minutes on two cores. */
    static BenchOptions full() {
        return new BenchOptions(3, List.of(1, 50, 200), 50, 50, List.of(10, 30, 50), Integer.MAX_VALUE, 100,
                Path.of("docs"));
    }

    /** A run of seconds that still goes through every part, for the smoke test and a first look. */
    static BenchOptions quick() {
        return new BenchOptions(1, List.of(1, 2), 2, 50, List.of(50), 24, 20, Path.of("docs"));
    }

    int maxClients() {
        return clients.stream().mapToInt(Integer::intValue).max().orElse(1);
    }

    /** @throws ConfigException for an unknown flag or a bad value */
    static BenchOptions parse(List<String> args) throws ConfigException {
        BenchOptions options = args.contains("--quick") ? quick() : full();
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            if (flag.equals("--quick")) {
                continue;
            }
            if (!List.of("--reps", "--clients", "--speech-up-to", "--out").contains(flag)) {
                throw new ConfigException((flag.startsWith("-") ? "unknown bench option " : "unexpected ") + "'" + flag
                        + "'; usage: " + USAGE);
            }
            if (i + 1 >= args.size()) {
                throw new ConfigException(flag + " needs a value");
            }
            String value = args.get(++i);
            options = switch (flag) {
                case "--reps" -> options.withRepetitions(positive(flag, value));
                case "--clients" -> options.withClients(positives(flag, value));
                case "--speech-up-to" -> options.withSpeechUpTo(number(flag, value));
                default -> options.withOut(Path.of(value));
            };
        }
        return options;
    }

    private BenchOptions withRepetitions(int value) {
        return new BenchOptions(value, clients, speechUpTo, tokensPerSecond, headroomRates, replyTokens,
                firstTokenDelayMillis, out);
    }

    private BenchOptions withClients(List<Integer> value) {
        return new BenchOptions(repetitions, value, speechUpTo, tokensPerSecond, headroomRates, replyTokens,
                firstTokenDelayMillis, out);
    }

    private BenchOptions withSpeechUpTo(int value) {
        return new BenchOptions(repetitions, clients, value, tokensPerSecond, headroomRates, replyTokens,
                firstTokenDelayMillis, out);
    }

    private BenchOptions withOut(Path value) {
        return new BenchOptions(repetitions, clients, speechUpTo, tokensPerSecond, headroomRates, replyTokens,
                firstTokenDelayMillis, value);
    }

    private static int number(String flag, String value) throws ConfigException {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new ConfigException(flag + " needs a whole number, not '" + value + "'");
        }
    }

    private static int positive(String flag, String value) throws ConfigException {
        int number = number(flag, value);
        if (number < 1) {
            throw new ConfigException(flag + " must be at least 1");
        }
        return number;
    }

    private static List<Integer> positives(String flag, String value) throws ConfigException {
        List<Integer> numbers = new ArrayList<>();
        for (String part : value.split(",")) {
            numbers.add(positive(flag, part));
        }
        return numbers;
    }
}
