package dev.parley;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.LogManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Real SLF4J calls through slf4j-jdk14 into the handlers {@link Logging} installs. */
class LoggingTest {

    private static final String LINE = "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @AfterEach
    void restoreDefaults() throws IOException {
        LogManager.getLogManager().readConfiguration();
    }

    @Test
    void writesTheSameLinesToTheConsoleAndTheNewestLogFile() throws IOException {
        Path logs = dir.resolve("data/logs");
        assertThat(Logging.configure("info", logs, console)).isEmpty();

        Logger log = LoggerFactory.getLogger("dev.parley.server.ParleyServer");
        log.info("Listening on {}", "ws://127.0.0.1:8085");
        log.debug("not at info");

        String expected = LINE + "INFO ParleyServer - Listening on ws://127\\.0\\.0\\.1:8085" + System.lineSeparator();
        String printed = console.toString(StandardCharsets.UTF_8);
        assertThat(printed).matches(expected);
        assertThat(Files.readString(logs.resolve(Logging.NEWEST_FILE))).isEqualTo(printed);
    }

    @Test
    void debugShowsTheThreadAndKeepsChattyLibrariesAtInfo() {
        assertThat(Logging.configure("debug", dir, console)).isEmpty();

        LoggerFactory.getLogger("dev.parley.chat.ChatService").debug("turn started");
        LoggerFactory.getLogger("okhttp3.OkHttpClient").debug("connection pool details");
        LoggerFactory.getLogger("org.java_websocket.server.WebSocketServer").info("server started");

        assertThat(console().lines()).containsExactly(
                "[" + Thread.currentThread().getName() + "] DEBUG ChatService - turn started",
                "[" + Thread.currentThread().getName() + "] INFO WebSocketServer - server started");
    }

    @Test
    void warnHidesInfoAndAnExceptionFollowsItsLine() {
        assertThat(Logging.configure("warn", dir, console)).isEmpty();

        Logger log = LoggerFactory.getLogger("dev.parley.tts.PiperModel");
        log.info("loaded");
        log.error("voice broken", new IllegalStateException("bad header"));

        assertThat(console()).startsWith("ERROR PiperModel - voice broken" + System.lineSeparator()
                + IllegalStateException.class.getName() + ": bad header");
    }

    @Test
    void aLogFolderThatCannotBeCreatedLeavesTheConsole() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("logs"), "a file where the folder should be");

        assertThat(Logging.configure("info", notAFolder, console)).hasValueSatisfying(
                problem -> assertThat(problem).startsWith("cannot write log files in " + notAFolder));
        LoggerFactory.getLogger("dev.parley.Main").info("still here");

        assertThat(console()).endsWith("INFO Main - still here" + System.lineSeparator());
    }

    /** What the console received, without the time at the start of each line. */
    private String console() {
        return console.toString(StandardCharsets.UTF_8).replaceAll("(?m)^" + LINE, "");
    }
}
