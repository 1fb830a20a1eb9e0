package dev.parley.config;

import java.util.Locale;

/** Which kind of server the replies come from. */
public enum Provider {
    /** OpenAI or any OpenAI-compatible server (LM Studio, llama.cpp server, vLLM, OpenRouter). */
    OPENAI,
    /** A local or remote Ollama. */
    OLLAMA;

    /** The name used in {@code LLM_PROVIDER} and in {@code /health}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @param name how the message names the value, e.g. {@code LLM_PROVIDER} */
    static Provider parse(String value, String name) throws ConfigException {
        for (Provider provider : values()) {
            if (provider.id().equalsIgnoreCase(value.trim())) {
                return provider;
            }
        }
        throw new ConfigException(name + " must be openai or ollama, not '" + value + "'");
    }
}
