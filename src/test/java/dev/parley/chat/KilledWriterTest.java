package dev.parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed with SIGKILL in the middle of saving leaves every conversation loadable: a
 * child JVM writes through the real {@link ConversationStore} in a tight loop and is killed at a
 * random moment, several times over the same folder.
 */
class KilledWriterTest {

    private static final int KILLS = 4;

    @TempDir
    Path dir;

    @Test
    void everyConversationLoadsAfterTheWriterIsKilledMidWrite() throws Exception {
        for (int kill = 1; kill <= KILLS; kill++) {
            Process writer = startWriter();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
                assertThat(out.readLine()).as("the writer started writing").isEqualTo("writing");
                Thread.sleep(ThreadLocalRandom.current().nextInt(50, 400));
            } finally {
                writer.destroyForcibly();
                assertThat(writer.waitFor(30, TimeUnit.SECONDS)).as("the writer died").isTrue();
            }
            assertThat(writer.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);

            ConversationStore reopened = new ConversationStore(dir, Clock.systemUTC());

            assertThat(reopened.list()).hasSize(ConversationWriterMain.CONVERSATIONS);
            for (ConversationSummary summary : reopened.list()) {
                Conversation conversation = reopened.find(summary.id()).orElseThrow();
                assertThat(conversation.messages()).hasSize(summary.messageCount());
            }
            assertThat(files()).allSatisfy(name -> assertThat(name).matches("c-\\d+\\.json"));
        }
    }

    private Process startWriter() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", ConversationWriterMain.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private List<String> files() throws Exception {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
