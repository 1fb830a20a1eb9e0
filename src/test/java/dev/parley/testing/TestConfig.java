package dev.parley.testing;

import dev.parley.config.Config;
import dev.parley.config.ConfigException;
import dev.parley.config.ConfigLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A configuration for an app under test: OpenAI-compatible upstream, everything under one folder. */
public final class TestConfig {

    public static final String KEY = "sk-test-secret-4242";

    private TestConfig() {
    }

    /**
     * @param dir holds the data folder ({@code data/}) and the voices folder ({@code models/})
     * @param upstream base URL of the scripted OpenAI-compatible server, e.g. {@code server.url("/v1")}
     * @param more further environment variables
     */
    public static Config openAi(Path dir, String upstream, Map<String, String> more) throws ConfigException {
        Map<String, String> env = new HashMap<>();
        env.put("OPENAI_API_KEY", KEY);
        env.put("OPENAI_BASE_URL", upstream);
        env.put("PARLEY_DATA_DIR", dir.resolve("data").toString());
        env.put("PARLEY_MODELS_DIR", dir.resolve("models").toString());
        env.put("PARLEY_PORT", "0");
        env.put("SYSTEM_PROMPT", "Be brief.");
        env.putAll(more);
        return new ConfigLoader(env, Map.of("user.home", dir.toString(), "os.name", "Linux")).load(null, null);
    }
}
