package dev.parley.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The command line: what to do, and the flags that override the environment.
 *
 * @param mode what to do
 * @param host {@code --host}, or {@code null}
 * @param port {@code --port}, or {@code null}
 * @param arguments the operands of {@code --list-voices} (a language) and {@code --download-voice} (ids),
 *     or everything after {@code --bench} (its own options)
 */
public record CommandLine(Mode mode, String host, String port, List<String> arguments) {

    /** What Parley was asked to do. */
    public enum Mode { WINDOW, HEADLESS, HELP, VERSION, LIST_VOICES, DOWNLOAD_VOICES, BENCH_VOICES, BENCH }

    public CommandLine {
        arguments = List.copyOf(arguments);
    }

    /** @throws ConfigException for an unknown flag, a missing value or conflicting modes */
    public static CommandLine parse(String... args) throws ConfigException {
        Mode mode = null;
        String host = null;
        String port = null;
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String inlineValue = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                inlineValue = arg.substring(equals + 1);
                arg = arg.substring(0, equals);
            }
            switch (arg) {
                case "--port", "--host" -> {
                    String value = inlineValue;
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new ConfigException(arg + " needs a value");
                        }
                        value = args[++i];
                    }
                    if (arg.equals("--port")) {
                        port = value;
                    } else {
                        host = value;
                    }
                }
                case "--headless" -> mode = only(mode, Mode.HEADLESS, arg);
                case "--help", "-h" -> mode = only(mode, Mode.HELP, arg);
                case "--version" -> mode = only(mode, Mode.VERSION, arg);
                case "--list-voices" -> mode = only(mode, Mode.LIST_VOICES, arg);
                case "--download-voice" -> mode = only(mode, Mode.DOWNLOAD_VOICES, arg);
                case "--bench-voices" -> mode = only(mode, Mode.BENCH_VOICES, arg);
                case "--bench" -> {
                    // The benchmark has options of its own; it reads them.
                    mode = only(mode, Mode.BENCH, arg);
                    operands.addAll(List.of(args).subList(i + 1, args.length));
                    i = args.length;
                }
                default -> {
                    if (arg.startsWith("-")) {
                        throw new ConfigException("unknown option " + arg + " (see --help)");
                    }
                    operands.add(arg);
                }
            }
        }
        if (mode == null) {
            mode = Mode.WINDOW;
        }
        if (mode == Mode.DOWNLOAD_VOICES && operands.isEmpty()) {
            throw new ConfigException("--download-voice needs at least one voice id (see --list-voices)");
        }
        if (mode == Mode.LIST_VOICES && operands.size() > 1) {
            throw new ConfigException("--list-voices takes at most one language, e.g. --list-voices en_US");
        }
        if (!operands.isEmpty() && mode != Mode.DOWNLOAD_VOICES && mode != Mode.LIST_VOICES && mode != Mode.BENCH) {
            throw new ConfigException("unexpected argument '" + operands.get(0) + "' (see --help)");
        }
        return new CommandLine(mode, host, port, operands);
    }

    private static Mode only(Mode current, Mode next, String flag) throws ConfigException {
        if (current != null && current != next) {
            throw new ConfigException(flag + " cannot be combined with another mode (see --help)");
        }
        return next;
    }
}
