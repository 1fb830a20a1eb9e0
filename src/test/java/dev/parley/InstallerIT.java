package dev.parley;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.config.ConfigLoader;
import dev.parley.testing.OpenAiScript;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Smoke test of the installed app: runs the app image's own launcher (not {@code java -jar}), so
 * it proves the jlink runtime has every module the app needs. Upstream is an OpenAI-compatible
 * MockWebServer over HTTPS with an elliptic-curve certificate, as api.openai.com serves; the reply is
 * spoken by the Piper test voice, so ONNX Runtime's natives load from the repacked jar. Runs in the
 * installer profile only (failsafe), after the image is built in {@code parley.installer}.
 */
class InstallerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "installer-it";
    private static final Pattern LISTENING = Pattern.compile("Listening on ws://127\\.0\\.0\\.1:(\\d+)/");

    @TempDir
    Path dir;

    private final MockWebServer upstream = new MockWebServer();
    private final BlockingQueue<String> output = new LinkedBlockingQueue<>();
    private Process parley;

    @BeforeEach
    void startUpstreamOverTls() throws Exception {
        Path keys = dir.resolve("upstream.p12");
        keytool("-genkeypair", "-alias", "upstream", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-keystore", keys.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "upstream", "-keystore", keys.toString(), "-storepass", PASSWORD,
                "-file", dir.resolve("upstream.pem").toString());
        keytool("-importcert", "-noprompt", "-alias", "upstream", "-file", dir.resolve("upstream.pem").toString(),
                "-keystore", dir.resolve("trust.p12").toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keys)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(store, PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        upstream.useHttps(tls.getSocketFactory());
        upstream.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (parley != null) {
            parley.destroy();
            if (!parley.waitFor(20, TimeUnit.SECONDS)) {
                parley.destroyForcibly();
            }
        }
        upstream.close();
    }

    @Test
    void theLauncherServesHealthAndStreamsASpokenReplyHeadless() throws Exception {
        Path models = Files.createDirectories(dir.resolve("models"));
        for (String file : List.of("en_US-test-x_low.onnx", "en_US-test-x_low.onnx.json")) {
            Files.copy(Path.of("src/test/resources/voices", file), models.resolve(file));
        }
        Path data = dir.resolve("data");
        int port = start(Map.of(
                "LLM_PROVIDER", "openai",
                "OPENAI_API_KEY", "sk-installer-it",
                "OPENAI_BASE_URL", upstream.url("/v1").toString(),
                "PARLEY_MODELS_DIR", models.toString(),
                "PARLEY_DATA_DIR", data.toString(),
                "PARLEY_CONFIG_DIR", dir.resolve("config").toString(),
                // The launcher's JVM reads this variable itself, so the image trusts the test certificate.
                "JAVA_TOOL_OPTIONS", "-Djavax.net.ssl.trustStore=" + dir.resolve("trust.p12")
                        + " -Djavax.net.ssl.trustStorePassword=" + PASSWORD),
                "--headless", "--port", "0");

        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(health.body());
        assertThat(body.get("status").asText()).isEqualTo("ok");
        assertThat(body.get("tts").get("engine").asText()).isEqualTo("piper");

        upstream.enqueue(OpenAiScript.reply("Hello from", " the installed", " Parley."));
        WsTestClient client = WsTestClient.connect(port, "message=Hi&voice=en_US-test-x_low");
        assertThat(client.next("status").get("voice").asText()).isEqualTo("en_US-test-x_low");
        JsonNode end = client.awaitEnd();
        assertThat(end.path("status").asText()).as("%s", end).isEqualTo("complete");
        assertThat(end.get("text").asText()).isEqualTo("Hello from the installed Parley.");
        assertThat(client.received("token")).hasSize(3);
        assertThat(client.received("audio_chunk")).isNotEmpty()
                .allSatisfy(chunk -> assertThat(chunk.get("sample_rate").asInt()).isEqualTo(16000));
        assertThat(client.awaitClose()).isEqualTo(1000);

        RecordedRequest request = upstream.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getHandshake()).as("the request came over TLS").isNotNull();
        // Verifying this certificate's ECDSA signature needs jdk.crypto.ec in the image's runtime.
        assertThat(request.getHandshake().localCertificates().get(0).getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");

        assertThat(Files.readString(data.resolve("logs").resolve(Logging.NEWEST_FILE)))
                .as("the log in the data folder").contains("Listening on ws://127.0.0.1:" + port + "/");
    }

    @Test
    void withoutArgumentsTheLauncherOpensTheWindowWhichNeedsADisplay() throws Exception {
        ProcessBuilder builder = launcher();
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.environment().put("PARLEY_DATA_DIR", dir.resolve("data").toString());
        builder.environment().put("PARLEY_CONFIG_DIR", dir.resolve("config").toString());
        Process window = builder.redirectErrorStream(true).start();
        String said = new String(window.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(window.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(window.exitValue()).isEqualTo(2);
        assertThat(said).contains("parley: no display to open the window on");
    }

    /** Starts the launcher and returns the port its server reports. */
    private int start(Map<String, String> env, String... args) throws Exception {
        ProcessBuilder builder = launcher(args);
        // Nothing of the user running the test: their folders, their key.
        ConfigLoader.forgetSettings(builder.environment());
        builder.environment().put("HOME", dir.resolve("home").toString());
        builder.environment().putAll(env);
        parley = builder.redirectErrorStream(true).start();
        Thread reader = new Thread(() -> copyLines(parley.getInputStream()), "parley-output");
        reader.setDaemon(true);
        reader.start();
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String line = output.poll(1, TimeUnit.SECONDS);
            if (line != null) {
                seen.append(line).append('\n');
                Matcher listening = LISTENING.matcher(line);
                if (listening.find()) {
                    return Integer.parseInt(listening.group(1));
                }
            }
            assertThat(parley.isAlive()).as("Parley still running; it said:\n%s", seen).isTrue();
        }
        throw new AssertionError("no 'Listening on' within 60 s; Parley said:\n" + seen);
    }

    private void copyLines(InputStream in) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                System.out.println("[parley] " + line);
                output.add(line);
            }
        } catch (IOException e) {
            output.add("(output closed: " + e.getMessage() + ")");
        }
    }

    /** The launcher in the app image that target/installer holds, named as jlink.properties says. */
    private static ProcessBuilder launcher(String... args) throws IOException {
        String installer = System.getProperty("parley.installer");
        assertThat(installer).as("system property parley.installer (set by the installer profile)").isNotNull();
        Properties jlink = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("jlink.properties"))) {
            jlink.load(in);
        }
        String name = jlink.getProperty("app.name");
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        Path launcher = os.contains("win") ? Path.of(installer, name, name + ".exe")
                : os.contains("mac") ? Path.of(installer, name + ".app", "Contents", "MacOS", name)
                : Path.of(installer, name, "bin", name);
        assertThat(launcher).isExecutable();
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as("keytool %s: %s", args[0], said).isZero();
    }
}
