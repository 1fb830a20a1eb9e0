package dev.parley;

import dev.parley.config.Setting;

/** What {@code --help} prints: usage, every flag, every environment variable with its default. */
final class HelpText {

    private HelpText() {
    }

    static String render() {
        StringBuilder text = new StringBuilder("""
                Parley — voice chat with an LLM, spoken by local voices.

                Usage:
                  java -jar parley.jar [--port N] [--host ADDR]          open the window and the server
                  java -jar parley.jar --headless [--port N] [--host ADDR]   run the server only
                  java -jar parley.jar --list-voices [LANG]              list the Piper voice catalogue
                  java -jar parley.jar --download-voice ID [ID...]       install Piper voices, verified
                  java -jar parley.jar --bench-voices                    measure every installed voice
                  java -jar parley.jar --bench [OPTIONS]                 measure latency, speech and memory

                Flags:
                  --headless        no window: the WebSocket/HTTP server only
                  --port N          server port (default 8085, env PARLEY_PORT; 0 = any free port)
                  --host ADDR       server interface (default 127.0.0.1, env PARLEY_HOST); any other
                                    needs an access token (PARLEY_TOKEN, else one is generated:
                                    printed by --headless, Copy token in the window)
                  --list-voices     catalogue voices with quality and size; installed ones are marked
                  --download-voice  download voices into PARLEY_MODELS_DIR, checking size and MD5
                  --bench-voices    real-time factor and latency of every installed voice
                  --bench           relay latency, time to first token and audio, underruns, voices,
                                    memory and start, with a scripted provider (no network); writes
                                    docs/BENCHMARKS.md and docs/benchmarks.png (about 2 minutes).
                                    Options after it: --quick (seconds), --reps N (3),
                                    --clients 1,50,200, --speech-up-to N (50: larger runs are
                                    text only), --out DIR (docs)
                  --help, -h        this text
                  --version         the version

                Environment:
                """);
        int width = 0;
        for (Setting setting : Setting.values()) {
            width = Math.max(width, setting.name().length());
        }
        for (Setting setting : Setting.values()) {
            text.append("  ").append(String.format("%-" + width + "s", setting.name())).append("  ")
                    .append(setting.description()).append(" (default: ").append(setting.defaultText())
                    .append(")\n");
        }
        text.append("""

                The server streams replies at ws://HOST:PORT/ws/chat/stream?message=...&language=en_US
                and answers GET /health and GET /voices; see docs/PROTOCOL.md.
                """);
        return text.toString();
    }
}
