package dev.parley.tts.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.testing.CatalogueServer;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CatalogueClientTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final OkHttpClient client = new OkHttpClient();
    private CatalogueServer catalogue;

    @BeforeEach
    void setUp() {
        catalogue = new CatalogueServer(server);
    }

    @Test
    void fetchesVoicesJsonFromTheRootOfTheBaseUrl() throws Exception {
        catalogue.respondCatalogue(CatalogueParserTest.sample());

        VoiceCatalogue voices = new CatalogueClient(client, catalogue.baseUrl()).fetch();

        assertThat(voices.voices()).hasSize(7);
        assertThat(catalogue.requestedPaths()).containsExactly("voices.json");
    }

    @ParameterizedTest(name = "HTTP {0}")
    @CsvSource({"404", "500", "503"})
    void reportsAnHttpErrorWithItsUrl(int code) {
        catalogue.respond("voices.json", () -> new MockResponse.Builder().code(code).build());

        assertThatThrownBy(() -> new CatalogueClient(client, catalogue.baseUrl()).fetch())
                .isInstanceOf(CatalogueException.class)
                .hasMessage("could not fetch the voice catalogue: HTTP " + code + " at " + catalogue.url("voices.json"));
    }

    @Test
    void reportsAMalformedCatalogueWithItsUrl() {
        catalogue.respondCatalogue("{\"v\": []}");

        assertThatThrownBy(() -> new CatalogueClient(client, catalogue.baseUrl()).fetch())
                .isInstanceOf(CatalogueException.class)
                .hasMessage("malformed voice catalogue: voice 'v': expected an object (from "
                        + catalogue.url("voices.json") + ")");
    }

    @Test
    void reportsAnUnreachableServer() throws Exception {
        HttpUrl base = catalogue.baseUrl();
        server.close();

        assertThatThrownBy(() -> new CatalogueClient(client, base).fetch())
                .isInstanceOf(CatalogueException.class)
                .hasMessageStartingWith("could not fetch the voice catalogue from " + base.resolve("voices.json") + ": ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "https://huggingface.co/rhasspy/piper-voices/resolve/v1.0.0/, https://huggingface.co/rhasspy/piper-voices/resolve/v1.0.0/voices.json",
        "https://huggingface.co/rhasspy/piper-voices/resolve/v1.0.0,  https://huggingface.co/rhasspy/piper-voices/resolve/v1.0.0/voices.json",
        "'  http://mirror.local:8080/piper  ',                        http://mirror.local:8080/piper/voices.json",
        "http://mirror.local,                                         http://mirror.local/voices.json",
    })
    void treatsTheBaseUrlAsAFolder(String configured, String catalogueUrl) {
        assertThat(CatalogueClient.baseUrl(configured).resolve(CatalogueClient.CATALOGUE_FILE))
                .hasToString(catalogueUrl);
    }

    @ParameterizedTest
    @CsvSource({"not a url", "ftp://example.com/voices/", "''"})
    void rejectsABaseUrlThatIsNotHttp(String configured) {
        assertThatThrownBy(() -> CatalogueClient.baseUrl(configured))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("voice catalogue URL is not an http(s) URL");
    }
}
