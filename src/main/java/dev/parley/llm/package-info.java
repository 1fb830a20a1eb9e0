/**
 * Chat models that stream their replies: {@link dev.parley.llm.OpenAiProvider} (Server-Sent Events
 * from an OpenAI-compatible {@code /chat/completions}) and {@link dev.parley.llm.OllamaProvider}
 * (NDJSON from Ollama's {@code /api/chat}).
 *
 * <p><b>Construction.</b> There is no factory: the caller picks the class and passes an
 * {@link okhttp3.OkHttpClient}, a {@link java.util.concurrent.ScheduledExecutorService} and
 * {@link dev.parley.llm.LlmSettings}. The caller owns and shuts down the client and the scheduler,
 * and may share both between providers (the scheduler only runs short timeout checks and 429 retry
 * waits, so one daemon thread serves all); both must stay open until the last call has ended.
 * Providers derive their own timeouts from the injected client, keeping its dispatcher, pool and
 * {@link okhttp3.EventListener}.
 *
 * <p><b>Threads.</b> {@code stream} returns at once; listener callbacks arrive on OkHttp's threads,
 * one at a time. {@link dev.parley.llm.LlmCall#cancel()} cancels the HTTP call and returns only
 * once no callback is running on another thread, so a listener must not block on the thread that
 * cancels it.
 *
 * <p><b>Errors</b> reach the listener as {@link dev.parley.llm.LlmException} with the WebSocket
 * protocol's code: 401 key refused, 404 not found (Ollama: model not pulled), 429 rate limited
 * (after two retries, or mid-reply), other 4xx as sent, 502 server failure, broken-off or timed-out
 * reply, 503 server unreachable. The API key never appears in a message or a log line.
 */
package dev.parley.llm;
