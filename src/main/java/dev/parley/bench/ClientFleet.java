package dev.parley.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** K benchmark clients streaming one turn each at the same time against one server. */
final class ClientFleet {

    private final URI stream;
    private final ScriptedOpenAi provider;

    /**
     * @param stream the stream URL, with the message and voice in its query
     * @param provider the provider behind it
     */
    ClientFleet(URI stream, ScriptedOpenAi provider) {
        this.stream = stream;
        this.provider = provider;
    }

    /**
     * Connects {@code count} clients at once and waits for all their turns to end.
     *
     * @param whileStreaming runs once every client has its first token, while the turns go on
     * @throws BenchException when a turn fails or does not end within the timeout
     */
    List<BenchClient> run(int count, long timeoutSeconds, Runnable whileStreaming)
            throws BenchException, InterruptedException {
        List<BenchClient> clients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            clients.add(new BenchClient(stream, provider.log(), provider.script()));
        }
        clients.forEach(BenchClient::begin);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        try {
            if (whileStreaming != null) {
                for (BenchClient client : clients) {
                    client.awaitFirstToken(deadline);
                }
                whileStreaming.run();
            }
            for (BenchClient client : clients) {
                if (!client.awaitEnd(deadline)) {
                    throw new BenchException(client.problem() != null ? "a turn failed: " + client.problem()
                            : count + " turns did not end within " + timeoutSeconds + " s");
                }
            }
        } finally {
            clients.forEach(BenchClient::close);
        }
        return clients;
    }
}
