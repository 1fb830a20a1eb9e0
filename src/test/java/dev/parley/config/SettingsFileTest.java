package dev.parley.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsFileTest {

    @TempDir
    Path dir;

    private static final UserSettings SAMPLE = new UserSettings(
            Map.of(Setting.LLM_PROVIDER, "ollama", Setting.OLLAMA_MODEL, "qwen2.5:7b",
                    Setting.OPENAI_API_KEY, "sk-secret", Setting.SYSTEM_PROMPT, "Line one.\nLine \"two\" \u00e9\u00e8."),
            UiPreferences.EMPTY.with("voice", "en_US-lessac-medium").with("volume", 0.75).with("width", 1024L)
                    .with("mute", true));

    @Test
    void roundTripKeepsEverySettingAndPreference() throws IOException {
        SettingsFile file = new SettingsFile(dir.resolve("settings.json"));
        file.write(SAMPLE);

        SettingsFile.Contents read = file.read();
        assertThat(read.settings()).isEqualTo(SAMPLE);
        assertThat(read.problems()).isEmpty();
        assertThat(Files.readString(file.path()))
                .contains("\"OLLAMA_MODEL\" : \"qwen2.5:7b\"", "\"ui\" : {", "\"volume\" : 0.75", "\"width\" : 1024");
    }

    @Test
    void missingFileHasNoSettingsAndNoProblem() {
        SettingsFile.Contents read = new SettingsFile(dir.resolve("nothing/settings.json")).read();
        assertThat(read.settings()).isEqualTo(UserSettings.EMPTY);
        assertThat(read.problems()).isEmpty();
    }

    @Test
    void fileAndNewFolderAreOwnerOnly() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path folder = dir.resolve("config/parley");
        SettingsFile file = new SettingsFile(folder.resolve("settings.json"));
        file.write(SAMPLE);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
    }

    @Test
    void rewritingAnOpenFileMakesItOwnerOnly() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path path = dir.resolve("settings.json");
        Files.writeString(path, "{}");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));

        new SettingsFile(path).write(SAMPLE);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
    }

    @Test
    void writeReplacesTheFileInsteadOfRewritingIt() throws IOException {
        Path path = dir.resolve("settings.json");
        Files.writeString(path, "{\"OLLAMA_MODEL\": \"old\"}");
        // A second name for the old file: rewriting in place would change what it shows.
        Path oldFile = Files.createLink(dir.resolve("old-link"), path);

        new SettingsFile(path).write(SAMPLE);

        assertThat(Files.readString(oldFile)).isEqualTo("{\"OLLAMA_MODEL\": \"old\"}");
        assertThat(new SettingsFile(path).read().settings()).isEqualTo(SAMPLE);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("settings.json", "old-link");
        }
    }

    @Test
    void failedWriteLeavesNoTemporaryFile() throws IOException {
        Path path = dir.resolve("settings.json");
        Files.createDirectories(path.resolve("in-the-way"));

        assertThatThrownBy(() -> new SettingsFile(path).write(SAMPLE)).isInstanceOf(IOException.class);

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("settings.json");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[\"OLLAMA_MODEL\"]", "", "  ", "{\"OPENAI_API_KEY\": sk-secret}",
        "{\"OLLAMA_MODEL\": \"x\""})
    void malformedFileGivesDefaultsAndOneProblemAndIsLeftAlone(String text) throws IOException {
        Path path = dir.resolve("settings.json");
        Files.writeString(path, text);

        SettingsFile.Contents read = new SettingsFile(path).read();

        assertThat(read.settings()).isEqualTo(UserSettings.EMPTY);
        assertThat(read.problems()).singleElement().asString()
                .startsWith(path.toString())
                .doesNotContain("sk-secret")
                .doesNotContain("\n");
        assertThat(Files.readString(path)).isEqualTo(text);
    }

    @Test
    void fileThatIsNotUtf8IsIgnored() throws IOException {
        Path path = dir.resolve("settings.json");
        Files.write(path, "{\"OLLAMA_MODEL\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));

        SettingsFile.Contents read = new SettingsFile(path).read();

        assertThat(read.settings()).isEqualTo(UserSettings.EMPTY);
        assertThat(read.problems()).singleElement().asString().contains("not UTF-8");
    }

    @Test
    void unusableEntriesAreSkippedAndReported() throws IOException {
        Path path = dir.resolve("settings.json");
        Files.writeString(path, """
                {
                  "PARLEY_PORT": 8086,
                  "PARLEY_RATE": 1.5,
                  "OLLAMA_MODEL": {"name": "x"},
                  "OPENAI_MODEL": null,
                  "NOT_A_SETTING": "x",
                  "PARLEY_CONFIG_DIR": "/elsewhere",
                  "ui": {"volume": 0.5, "width": 800, "mute": false, "voice": "v", "list": [1], "none": null}
                }
                """);

        SettingsFile.Contents read = new SettingsFile(path).read();

        assertThat(read.settings().values())
                .isEqualTo(Map.of(Setting.PARLEY_PORT, "8086", Setting.PARLEY_RATE, "1.5"));
        assertThat(read.settings().ui().asMap())
                .containsExactlyInAnyOrderEntriesOf(Map.of("volume", 0.5, "width", 800L, "mute", false, "voice", "v"));
        assertThat(read.problems()).hasSize(4).allSatisfy(problem -> assertThat(problem).startsWith(path + ": "))
                .anySatisfy(problem -> assertThat(problem).contains("OLLAMA_MODEL must be a string"))
                .anySatisfy(problem -> assertThat(problem).contains("unknown setting NOT_A_SETTING"))
                .anySatisfy(problem -> assertThat(problem).contains("PARLEY_CONFIG_DIR is read from the environment only"))
                .anySatisfy(problem -> assertThat(problem).contains("ui.list must be a string, number or boolean"));
    }

    @Test
    void uiThatIsNotAnObjectIsReported() throws IOException {
        Path path = dir.resolve("settings.json");
        Files.writeString(path, "{\"OLLAMA_MODEL\": \"m\", \"ui\": \"dark\"}");

        SettingsFile.Contents read = new SettingsFile(path).read();

        assertThat(read.settings().values()).isEqualTo(Map.of(Setting.OLLAMA_MODEL, "m"));
        assertThat(read.settings().ui()).isEqualTo(UiPreferences.EMPTY);
        assertThat(read.problems()).singleElement().asString().contains("\"ui\" must be an object");
    }

    @Test
    void toStringShowsNamesButNoValues() {
        assertThat(SAMPLE.toString()).contains("OPENAI_API_KEY", "volume").doesNotContain("sk-secret", "qwen");
    }
}
