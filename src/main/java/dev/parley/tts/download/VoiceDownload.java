package dev.parley.tts.download;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The installation of one voice, run once on a thread of the caller's choosing and cancellable
 * from any other.
 *
 * <p>Both files are streamed into hidden {@code .part} files in the models folder while their MD5
 * is computed, checked against the catalogue's size and MD5, and only then moved into place, the
 * {@code .onnx.json} last: the voice appears complete or not at all. On every failure, including
 * cancellation, the {@code .part} files are deleted and no file of the voice is left behind; a
 * previous installation of the voice survives a failure unless the failure happens while the new
 * files are being moved into place.
 */
public final class VoiceDownload {

    private static final Logger log = LoggerFactory.getLogger(VoiceDownload.class);
    private static final int BUFFER_SIZE = 64 * 1024;

    private final OkHttpClient client;
    private final HttpUrl baseUrl;
    private final CatalogueVoice voice;
    private final ModelsFolder folder;
    private final DownloadListener listener;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicReference<Call> currentCall = new AtomicReference<>();
    private volatile boolean cancelled;

    VoiceDownload(OkHttpClient client, HttpUrl baseUrl, CatalogueVoice voice, ModelsFolder folder,
            DownloadListener listener) {
        this.client = client;
        this.baseUrl = baseUrl;
        this.voice = voice;
        this.folder = folder;
        this.listener = listener;
    }

    /**
     * Downloads, verifies and installs the voice, blocking until it is in place. Stops as soon as
     * it notices {@link #cancel()} or an interrupt of this thread (between reads; a blocked read
     * only ends early through {@code cancel()}).
     *
     * @throws DownloadCancelledException when cancelled or interrupted before the files were
     *     moved into place; the thread's interrupt status is kept
     * @throws DownloadException when a request fails (HTTP error, network error, timeout), a file
     *     does not match the catalogue, or the models folder cannot be written
     * @throws IllegalStateException when called a second time
     */
    public void run() throws DownloadException {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a voice download runs only once");
        }
        Path model = folder.model(voice.key());
        Path config = folder.config(voice.key());
        Path modelPart = folder.partial(model);
        Path configPart = folder.partial(config);
        try {
            createFolder();
            fetch(voice.model(), modelPart);
            fetch(voice.config(), configPart);
            throwIfCancelled();
            install(modelPart, model, configPart, config);
            log.debug("installed voice {} in {}", voice.key(), folder.dir());
        } finally {
            deleteQuietly(modelPart);
            deleteQuietly(configPart);
        }
    }

    /**
     * Asks the download to stop: the request in flight is aborted, {@link #run()} throws
     * {@link DownloadCancelledException} promptly after deleting its partial files. Idempotent;
     * callable from any thread, also before {@code run()}; no effect once the files are being
     * moved into place.
     */
    public void cancel() {
        cancelled = true;
        Call call = currentCall.get();
        if (call != null) {
            call.cancel();
        }
    }

    private void createFolder() throws DownloadException {
        try {
            Files.createDirectories(folder.dir());
        } catch (IOException e) {
            throw new DownloadException("cannot create the models folder " + folder.dir() + ": " + e, e);
        }
    }

    private void fetch(CatalogueFile file, Path part) throws DownloadException {
        throwIfCancelled();
        HttpUrl url = baseUrl.resolve(file.path());
        if (url == null) {
            throw failed(file, "the catalogue path is not a valid URL path: " + file.path());
        }
        listener.fileStarted(file);
        Call call = client.newCall(new Request.Builder().url(url).build());
        currentCall.set(call);
        if (cancelled) {
            // cancel() may have run between the check above and publishing the call.
            call.cancel();
        }
        log.debug("fetching {}", url);
        long received = 0;
        try (Response response = call.execute()) {
            if (!response.isSuccessful()) {
                throw failed(file, "HTTP " + response.code() + " at " + url);
            }
            MessageDigest md5 = Md5.newDigest();
            try (InputStream in = response.body().byteStream(); FileChannel out = openPart(file, part)) {
                byte[] buffer = new byte[BUFFER_SIZE];
                int n;
                while ((n = in.read(buffer)) != -1) {
                    throwIfCancelled();
                    received += n;
                    if (received > file.sizeBytes()) {
                        throw failed(file, "size mismatch: got more than the catalogue's "
                                + file.sizeBytes() + " bytes (" + url + ")");
                    }
                    md5.update(buffer, 0, n);
                    write(file, part, out, buffer, n);
                    listener.progress(file, received, file.sizeBytes());
                }
                force(file, part, out);
            }
            if (received != file.sizeBytes()) {
                throw failed(file, "size mismatch: got " + received + " bytes, the catalogue says "
                        + file.sizeBytes() + " (" + url + ")");
            }
            String digest = Md5.hex(md5);
            if (!digest.equals(file.md5Digest())) {
                throw failed(file, "md5 mismatch: got " + digest + ", the catalogue says "
                        + file.md5Digest() + " (" + url + ")");
            }
        } catch (IOException e) {
            throwIfCancelled();
            if (e instanceof SocketTimeoutException) {
                throw failed(file, "timed out at " + url, e);
            }
            throw failed(file, describe(e) + " after " + received + " of " + file.sizeBytes()
                    + " bytes at " + url, e);
        } finally {
            currentCall.set(null);
        }
        listener.fileVerified(file);
    }

    private FileChannel openPart(CatalogueFile file, Path part) throws DownloadException {
        try {
            return FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw cannotWrite(file, part, e);
        }
    }

    private void write(CatalogueFile file, Path part, FileChannel out, byte[] buffer, int length)
            throws DownloadException {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, length);
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            throw cannotWrite(file, part, e);
        }
    }

    /** Forces the bytes to disk so that a crash after the rename cannot leave an empty voice. */
    private void force(CatalogueFile file, Path part, FileChannel out) throws DownloadException {
        try {
            out.force(true);
        } catch (IOException e) {
            throw cannotWrite(file, part, e);
        }
    }

    private void install(Path modelPart, Path model, Path configPart, Path config) throws DownloadException {
        try {
            // Removing the old config first keeps a reinstalled voice from ever pairing the new
            // model with the old config.
            Files.deleteIfExists(config);
            Files.move(modelPart, model, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new DownloadException("cannot install voice " + voice.key() + " in " + folder.dir() + ": " + e, e);
        }
        try {
            Files.move(configPart, config, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(model);
            throw new DownloadException("cannot install voice " + voice.key() + " in " + folder.dir() + ": " + e, e);
        }
    }

    private void throwIfCancelled() throws DownloadCancelledException {
        if (cancelled || Thread.currentThread().isInterrupted()) {
            throw new DownloadCancelledException("download of voice " + voice.key() + " cancelled");
        }
    }

    private static DownloadException failed(CatalogueFile file, String reason) {
        return new DownloadException("download of " + file.fileName() + " failed: " + reason);
    }

    private static DownloadException failed(CatalogueFile file, String reason, Throwable cause) {
        return new DownloadException("download of " + file.fileName() + " failed: " + reason, cause);
    }

    private static DownloadException cannotWrite(CatalogueFile file, Path part, IOException e) {
        return new DownloadException("download of " + file.fileName() + " failed: cannot write " + part + ": " + e, e);
    }

    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete {}: {}", file, e.toString());
        }
    }
}
