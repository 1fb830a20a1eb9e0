package dev.parley.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.audio.Wav;
import dev.parley.chat.ChatEvent;
import dev.parley.chat.TurnMetrics;
import dev.parley.tts.Voice;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;

/** The JSON text of every message and HTTP body the server sends; docs/PROTOCOL.md describes them. */
final class ProtocolJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ProtocolJson() {
    }

    static String streaming(String conversationId, String voiceId) {
        ObjectNode node = status("streaming");
        node.put("message", "Starting LLM stream...");
        node.put("conversation_id", conversationId);
        node.put("voice", voiceId);
        return write(node);
    }

    static String event(ChatEvent event) {
        if (event instanceof ChatEvent.Token token) {
            ObjectNode node = type("token");
            node.put("token", token.token());
            node.put("text", token.text());
            return write(node);
        }
        if (event instanceof ChatEvent.Audio audio) {
            ObjectNode node = type("audio_chunk");
            node.put("audio", Base64.getEncoder().encodeToString(Wav.encode(audio.pcm())));
            node.put("sample_rate", audio.pcm().sampleRate());
            node.put("index", audio.index());
            node.put("text", audio.text());
            return write(node);
        }
        if (event instanceof ChatEvent.NotSaved notSaved) {
            ObjectNode node = type("error");
            node.put("error", notSaved.message());
            node.put("code", 507);
            node.put("fatal", false);
            return write(node);
        }
        if (event instanceof ChatEvent.Completed completed) {
            ObjectNode node = status("complete");
            node.put("text", completed.text());
            node.set("metrics", metrics(completed.metrics()));
            return write(node);
        }
        if (event instanceof ChatEvent.Cancelled cancelled) {
            ObjectNode node = status("cancelled");
            node.put("text", cancelled.text());
            return write(node);
        }
        if (event instanceof ChatEvent.Failed failed) {
            return error(failed.code(), failed.message());
        }
        throw new IllegalArgumentException("no wire form for " + event);
    }

    static String error(int code, String message) {
        ObjectNode node = type("error");
        node.put("error", message);
        node.put("code", code);
        node.put("fatal", true);
        return write(node);
    }

    static String health(Health health, String version, int connections, int maxReplies) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("status", health.ttsProblem() == null ? "ok" : "degraded");
        node.put("version", version);
        node.put("provider", health.provider());
        node.put("model", health.model());
        node.put("base_url", health.baseUrl());
        ObjectNode tts = node.putObject("tts");
        tts.put("engine", health.ttsEngine());
        tts.put("problem", health.ttsProblem());
        node.put("voices", health.voices());
        ObjectNode defaults = node.putObject("defaults");
        defaults.put("language", health.defaultLanguage());
        defaults.put("voice", health.defaultVoice());
        defaults.put("rate", health.defaultRate());
        ObjectNode server = node.putObject("server");
        server.put("connections", connections);
        server.put("max_replies", maxReplies);
        return write(node);
    }

    static String voices(List<Voice> voices) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Voice voice : voices) {
            ObjectNode node = array.addObject();
            node.put("id", voice.id());
            node.put("language", voice.language());
            node.put("engine", voice.engine());
            node.put("quality", voice.quality());
            node.put("sample_rate", voice.sampleRate());
            ArrayNode speakers = node.putArray("speakers");
            voice.speakers().forEach(speakers::add);
            node.put("available", voice.available());
            node.put("reason", voice.reason());
        }
        return write(array);
    }

    /** The {@code type} of a client message, or {@code null} when it is not a JSON object with one. */
    static String clientMessageType(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            return node != null && node.path("type").isTextual() ? node.get("type").asText() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static ObjectNode metrics(TurnMetrics metrics) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("ttft_ms", metrics.ttftMs());
        node.put("first_audio_ms", metrics.firstAudioMs());
        node.put("tokens", metrics.tokens());
        node.put("tokens_per_s", metrics.tokensPerSecond());
        node.put("total_ms", metrics.totalMs());
        node.put("first_chunk_ms", metrics.firstChunkMs());
        node.put("first_synthesis_ms", metrics.firstSynthesisMs());
        node.put("underruns", metrics.underruns());
        return node;
    }

    private static ObjectNode status(String status) {
        ObjectNode node = type("status");
        node.put("status", status);
        return node;
    }

    private static ObjectNode type(String type) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("type", type);
        return node;
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
