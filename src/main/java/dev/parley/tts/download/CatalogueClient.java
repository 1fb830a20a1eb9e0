package dev.parley.tts.download;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Fetches {@code voices.json} from the root of a catalogue and parses it. Blocks the calling
 * thread; safe to use from several threads.
 */
public final class CatalogueClient {

    /** The rhasspy/piper-voices release Parley's voices come from unless configured otherwise. */
    public static final String DEFAULT_BASE_URL = "https://huggingface.co/rhasspy/piper-voices/resolve/v1.0.0/";

    /** Where the catalogue lives relative to the base URL. */
    public static final String CATALOGUE_FILE = "voices.json";

    private final OkHttpClient client;
    private final HttpUrl catalogueUrl;

    /**
     * @param client the HTTP client; its timeouts apply
     * @param baseUrl the catalogue root, see {@link #baseUrl(String)}
     */
    public CatalogueClient(OkHttpClient client, HttpUrl baseUrl) {
        this.client = client;
        this.catalogueUrl = baseUrl.resolve(CATALOGUE_FILE);
    }

    /**
     * Reads a configured catalogue root (such as {@code PARLEY_VOICES_URL}), adding the trailing
     * slash that makes file paths resolve beneath it rather than beside it.
     *
     * @throws IllegalArgumentException when the text is not an http(s) URL
     */
    public static HttpUrl baseUrl(String url) {
        HttpUrl parsed = HttpUrl.parse(url.trim());
        if (parsed == null) {
            throw new IllegalArgumentException("voice catalogue URL is not an http(s) URL: " + url);
        }
        String path = parsed.encodedPath();
        return path.endsWith("/") ? parsed : parsed.newBuilder().encodedPath(path + "/").build();
    }

    /**
     * Downloads and parses the catalogue.
     *
     * @throws CatalogueException on HTTP errors, network errors and timeouts, and when the
     *     catalogue is malformed; the message names the URL
     */
    public VoiceCatalogue fetch() throws CatalogueException {
        String json;
        try (Response response = client.newCall(new Request.Builder().url(catalogueUrl).build()).execute()) {
            if (!response.isSuccessful()) {
                throw new CatalogueException(
                        "could not fetch the voice catalogue: HTTP " + response.code() + " at " + catalogueUrl);
            }
            json = response.body().string();
        } catch (SocketTimeoutException e) {
            throw new CatalogueException("could not fetch the voice catalogue: timed out at " + catalogueUrl, e);
        } catch (InterruptedIOException e) {
            throw new CatalogueException("fetching the voice catalogue was interrupted", e);
        } catch (IOException e) {
            throw new CatalogueException(
                    "could not fetch the voice catalogue from " + catalogueUrl + ": " + e.getMessage(), e);
        }
        try {
            return CatalogueParser.parse(json);
        } catch (CatalogueException e) {
            throw new CatalogueException(e.getMessage() + " (from " + catalogueUrl + ")", e);
        }
    }
}
