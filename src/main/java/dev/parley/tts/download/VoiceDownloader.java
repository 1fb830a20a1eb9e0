package dev.parley.tts.download;

import java.nio.file.Path;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/** Creates downloads of catalogue voices from one catalogue. Thread-safe. */
public final class VoiceDownloader {

    private final OkHttpClient client;
    private final HttpUrl baseUrl;

    /**
     * @param client the HTTP client; its timeouts apply to every request
     * @param baseUrl the catalogue root the voices' file paths are relative to, see
     *     {@link CatalogueClient#baseUrl(String)}
     */
    public VoiceDownloader(OkHttpClient client, HttpUrl baseUrl) {
        this.client = client;
        this.baseUrl = baseUrl;
    }

    /**
     * Prepares the installation of a voice as {@code <modelsDir>/<key>.onnx} and
     * {@code <key>.onnx.json}. Nothing happens until {@link VoiceDownload#run()} is called.
     *
     * @param modelsDir the models folder; created when missing
     * @param listener told of progress on the downloading thread
     */
    public VoiceDownload newDownload(CatalogueVoice voice, Path modelsDir, DownloadListener listener) {
        return new VoiceDownload(client, baseUrl, voice, new ModelsFolder(modelsDir), listener);
    }
}
