package dev.parley;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.OpenAiScript;
import dev.parley.testing.TestConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An HTTP client handed to {@link Parley#create(dev.parley.config.Config, OkHttpClient)} stays the
 * caller's: Parley shares its connections but changes none of its limits and closes none of it.
 */
class SharedHttpClientTest {

    @StartStop
    private final MockWebServer upstream = new MockWebServer();

    @TempDir
    Path dir;

    @Test
    void parleyLeavesAGivenClientAsItWasAndSharesItsConnections() throws Exception {
        OkHttpClient shared = new OkHttpClient();
        upstream.enqueue(OpenAiScript.reply("Hello", " there."));
        upstream.enqueue(new MockResponse.Builder().body("still mine").build());

        try (Parley parley = Parley.create(TestConfig.openAi(dir, upstream.url("/v1").toString(), Map.of()), shared)) {
            WsTestClient client = WsTestClient.connect(parley.startServer().port(), "message=hi");
            assertThat(client.awaitEnd().get("status").asText()).isEqualTo("complete");
            // The turn completes at [DONE]; the stream's connection returns to the pool when its
            // body has been read to the end, just after. Closing Parley before that would cancel it.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (shared.connectionPool().idleConnectionCount() == 0) {
                assertThat(System.nanoTime()).as("the stream's connection back in the pool").isLessThan(deadline);
                Thread.sleep(10);
            }
        }

        assertThat(shared.dispatcher().getMaxRequestsPerHost()).as("OkHttp's own limit, not Parley's").isEqualTo(5);
        try (Response response = shared.newCall(new Request.Builder().url(upstream.url("/after")).build()).execute()) {
            assertThat(response.body().string()).isEqualTo("still mine");
        }
        RecordedRequest streamed = upstream.takeRequest();
        RecordedRequest after = upstream.takeRequest();
        assertThat(after.getConnectionIndex()).as("the connection Parley used, still in the caller's pool")
                .isEqualTo(streamed.getConnectionIndex());
        assertThat(after.getExchangeIndex()).isEqualTo(1);
    }
}
