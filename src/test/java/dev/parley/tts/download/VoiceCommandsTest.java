package dev.parley.tts.download;

import static dev.parley.tts.download.VoiceDownloadTest.list;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.CatalogueServer;
import dev.parley.testing.FakeVoice;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VoiceCommandsTest {

    private static final FakeVoice AMY = FakeVoice.of("en_US", "amy", "low", 120_000);
    private static final FakeVoice ALAN = FakeVoice.of("en_GB", "alan", "medium", 1_500_000);
    private static final FakeVoice EVA = FakeVoice.of("de_DE", "eva_k", "x_low", 20_000);

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @TempDir
    private Path models;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    private CatalogueServer catalogue;

    @BeforeEach
    void publish() {
        catalogue = new CatalogueServer(server);
        catalogue.publish(AMY, ALAN, EVA);
    }

    @Test
    void listsEveryVoiceWithQualitySizeAndInstalledMark() throws Exception {
        install(ALAN);

        int code = commands(false).listVoices(null, out, err);

        assertThat(code).isZero();
        assertThat(err()).isEmpty();
        assertThat(outLines()).containsExactly(
                "VOICE              LANGUAGE  QUALITY       SIZE  SPEAKERS",
                "de_DE-eva_k-x_low  de_DE     x_low      20.1 kB         1",
                "en_GB-alan-medium  en_GB     medium      1.5 MB         1  installed",
                "en_US-amy-low      en_US     low       120.1 kB         1",
                "3 voices, 1 installed in " + models + ". Install with --download-voice ID.");
    }

    @Test
    void aVoiceWithOnlyItsModelFileIsNotInstalled() throws Exception {
        Files.write(models.resolve(AMY.key() + ".onnx"), AMY.model());

        commands(false).listVoices("en_US", out, err);

        assertThat(outLines()).noneMatch(line -> line.endsWith("installed"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            en     | en_GB-alan-medium en_US-amy-low
            EN     | en_GB-alan-medium en_US-amy-low
            en_US  | en_US-amy-low
            en-US  | en_US-amy-low
            en-gb  | en_GB-alan-medium
            de     | de_DE-eva_k-x_low
            """)
    void filtersTheListByLanguage(String language, String keys) {
        int code = commands(false).listVoices(language, out, err);

        assertThat(code).isZero();
        List<String> rows = outLines().subList(1, outLines().size() - 1);
        assertThat(rows).extracting(row -> row.split(" ")[0]).containsExactly(keys.split(" "));
    }

    @Test
    void anUnknownLanguageIsAnError() {
        int code = commands(false).listVoices("xx", out, err);

        assertThat(code).isEqualTo(VoiceCommands.FAILED);
        assertThat(err()).isEqualTo("no voices in the catalogue for language 'xx'" + System.lineSeparator());
    }

    @Test
    void listingFailsClearlyWhenTheCatalogueIsMissing() {
        catalogue.respond("voices.json", () -> new MockResponse.Builder().code(404).build());

        int code = commands(false).listVoices(null, out, err);

        assertThat(code).isEqualTo(VoiceCommands.FAILED);
        assertThat(err()).contains("HTTP 404 at " + catalogue.url("voices.json"));
        assertThat(out()).isEmpty();
    }

    @Test
    void listingFailsClearlyWhenTheCatalogueIsMalformed() {
        catalogue.respondCatalogue("<html>rate limited</html>");

        int code = commands(false).listVoices(null, out, err);

        assertThat(code).isEqualTo(VoiceCommands.FAILED);
        assertThat(err()).startsWith("malformed voice catalogue: ");
    }

    @Test
    void downloadsVoicesIntoAFolderItCreates() throws Exception {
        Path folder = models.resolve("new/models");
        VoiceCommands commands = new VoiceCommands(new OkHttpClient(), catalogue.baseUrl(), folder, false);

        int code = commands.downloadVoices(List.of(AMY.key(), EVA.key()), out, err);

        assertThat(code).isZero();
        assertThat(err()).isEmpty();
        assertThat(folder.resolve("en_US-amy-low.onnx")).hasBinaryContent(AMY.model());
        assertThat(folder.resolve("en_US-amy-low.onnx.json")).hasBinaryContent(AMY.config());
        assertThat(folder.resolve("de_DE-eva_k-x_low.onnx")).hasBinaryContent(EVA.model());
        assertThat(list(folder)).hasSize(4);
    }

    @Test
    void withoutATerminalPrintsPlainProgressLines() {
        int code = commands(false).downloadVoices(List.of(AMY.key()), out, err);

        assertThat(code).isZero();
        assertThat(out()).doesNotContain("\r");
        // How many 10 % lines appear depends on how the bytes arrive; their form and order do not.
        Pattern step = Pattern.compile("en_US-amy-low\\.onnx: ([1-9])0% \\(\\d+\\.\\d/120\\.0 kB\\)");
        List<String> steps = outLines().stream().filter(line -> step.matcher(line).matches()).toList();
        assertThat(steps).isNotEmpty().isSorted();
        assertThat(outLines()).filteredOn(line -> !steps.contains(line)).containsExactly(
                "downloading voice en_US-amy-low (120.1 kB) into " + models,
                "en_US-amy-low.onnx: downloading 120.0 kB",
                "en_US-amy-low.onnx: done, 120.0 kB, size and md5 OK",
                "en_US-amy-low.onnx.json: downloading " + AMY.config().length + " B",
                "en_US-amy-low.onnx.json: done, " + AMY.config().length + " B, size and md5 OK",
                "installed voice en_US-amy-low");
        assertThat(outLines().indexOf(steps.get(0))).isEqualTo(2);
    }

    @Test
    void onATerminalDrawsAProgressBar() {
        int code = commands(true).downloadVoices(List.of(AMY.key()), out, err);

        assertThat(code).isZero();
        assertThat(out())
                .contains("\ren_US-amy-low.onnx [                        ]   0%  0.0/120.0 kB")
                .contains("\ren_US-amy-low.onnx [########################] 100%  120.0/120.0 kB")
                .contains("  size and md5 OK" + System.lineSeparator())
                .endsWith("installed voice en_US-amy-low" + System.lineSeparator());
    }

    @Test
    void acceptsAnAliasAndInstallsUnderTheKey() throws Exception {
        int code = commands(false).downloadVoices(List.of("en-us-amy-low"), out, err);

        assertThat(code).isZero();
        assertThat(outLines()).first().isEqualTo("en-us-amy-low: using voice en_US-amy-low");
        assertThat(list(models)).containsExactly("en_US-amy-low.onnx", "en_US-amy-low.onnx.json");
    }

    @Test
    void skipsAVoiceAlreadyInstalledWithTheCatalogueFiles() throws Exception {
        install(AMY);

        int code = commands(false).downloadVoices(List.of(AMY.key()), out, err);

        assertThat(code).isZero();
        assertThat(out()).isEqualTo("voice en_US-amy-low is already installed in " + models + System.lineSeparator());
        assertThat(catalogue.requestedPaths()).containsExactly("voices.json");
    }

    @Test
    void downloadsAgainAVoiceWhoseInstalledFilesDiffer() throws Exception {
        install(AMY);
        Files.write(models.resolve(AMY.key() + ".onnx"), new byte[] {0});

        int code = commands(false).downloadVoices(List.of(AMY.key()), out, err);

        assertThat(code).isZero();
        assertThat(outLines()).first()
                .isEqualTo("voice en_US-amy-low is installed but differs from the catalogue; downloading it again");
        assertThat(models.resolve(AMY.key() + ".onnx")).hasBinaryContent(AMY.model());
    }

    @Test
    void anUnknownIdFailsWithTheClosestNamesBeforeDownloadingAnything() throws Exception {
        int code = commands(false).downloadVoices(List.of(AMY.key(), "en_US-ammy-low", "zz_ZZ-nobody-high"), out, err);

        assertThat(code).isEqualTo(VoiceCommands.FAILED);
        assertThat(err()).isEqualTo(
                "voice 'en_US-ammy-low' not found in the catalogue; closest: en_US-amy-low" + System.lineSeparator()
                + "voice 'zz_ZZ-nobody-high' not found in the catalogue; see --list-voices" + System.lineSeparator());
        assertThat(catalogue.requestedPaths()).containsExactly("voices.json");
        assertThat(list(models)).isEmpty();
    }

    @Test
    void aFailedDownloadExitsNonZeroNamingTheFileAndLeavesNothing() throws Exception {
        catalogue.respond(AMY.configPath(), () -> new MockResponse.Builder().code(404).build());

        int code = commands(false).downloadVoices(List.of(AMY.key()), out, err);

        assertThat(code).isEqualTo(VoiceCommands.FAILED);
        assertThat(err()).isEqualTo("download of en_US-amy-low.onnx.json failed: HTTP 404 at "
                + catalogue.url(AMY.configPath()) + System.lineSeparator());
        assertThat(out()).doesNotContain("installed voice");
        assertThat(list(models)).isEmpty();
    }

    @Test
    void aCorruptDownloadExitsNonZeroNamingTheFileAndLeavesNothing() throws Exception {
        byte[] corrupt = AMY.model().clone();
        corrupt[0] ^= 0x01;
        catalogue.respond(AMY.modelPath(), corrupt);

        int code = commands(true).downloadVoices(List.of(AMY.key()), out, err);

        assertThat(code).isEqualTo(VoiceCommands.FAILED);
        assertThat(err()).startsWith("download of en_US-amy-low.onnx failed: md5 mismatch");
        assertThat(out()).endsWith(System.lineSeparator());
        assertThat(list(models)).isEmpty();
    }

    @Test
    void theFirstFailureStopsTheRemainingVoices() throws Exception {
        catalogue.respond(AMY.modelPath(), () -> new MockResponse.Builder().code(500).build());

        int code = commands(false).downloadVoices(List.of(AMY.key(), EVA.key()), out, err);

        assertThat(code).isEqualTo(VoiceCommands.FAILED);
        assertThat(catalogue.requestedPaths()).doesNotContain(EVA.modelPath());
        assertThat(list(models)).isEmpty();
    }

    @Test
    void downloadingFailsClearlyWhenTheCatalogueCannotBeFetched() {
        catalogue.respond("voices.json", () -> new MockResponse.Builder().code(502).build());

        int code = commands(false).downloadVoices(List.of(AMY.key()), out, err);

        assertThat(code).isEqualTo(VoiceCommands.FAILED);
        assertThat(err()).contains("HTTP 502 at " + catalogue.url("voices.json"));
    }

    @Test
    void noIdIsAnError() {
        int code = commands(false).downloadVoices(List.of(), out, err);

        assertThat(code).isEqualTo(VoiceCommands.FAILED);
        assertThat(err()).contains("no voice given");
        assertThat(catalogue.requestedPaths()).isEmpty();
    }

    private VoiceCommands commands(boolean terminal) {
        return new VoiceCommands(new OkHttpClient(), catalogue.baseUrl(), models, terminal);
    }

    private void install(FakeVoice voice) throws Exception {
        Files.write(models.resolve(voice.key() + ".onnx"), voice.model());
        Files.write(models.resolve(voice.key() + ".onnx.json"), voice.config());
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    private List<String> outLines() {
        return out().lines().toList();
    }
}
