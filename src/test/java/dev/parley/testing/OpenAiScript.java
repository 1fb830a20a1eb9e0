package dev.parley.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;

/** Replies as OpenAI's streaming chat completions endpoint writes them, byte for byte. */
public final class OpenAiScript {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenAiScript() {
    }

    /** The SSE body of a reply made of these tokens, with a keep-alive, usage chunk and [DONE]. */
    public static String body(String... tokens) {
        StringBuilder body = new StringBuilder();
        body.append(": keep-alive\n\n");
        body.append(event(delta("role", "assistant").put("content", ""), null));
        for (String token : tokens) {
            body.append(event(delta("content", token), null));
        }
        body.append(event(JSON.createObjectNode(), "stop"));
        body.append("data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":[],"
                + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":" + tokens.length + ",\"total_tokens\":"
                + (12 + tokens.length) + "}}\n\n");
        body.append("data: [DONE]\n\n");
        return body.toString();
    }

    public static MockResponse reply(String... tokens) {
        return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(body(tokens)).build();
    }

    /** A reply whose bytes trickle out, so a test can act while it streams. */
    public static MockResponse slowReply(String... tokens) {
        return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(body(tokens))
                .throttleBody(48, 150, TimeUnit.MILLISECONDS).build();
    }

    private static ObjectNode delta(String field, String value) {
        ObjectNode delta = JSON.createObjectNode();
        delta.put(field, value);
        return delta;
    }

    private static String event(ObjectNode delta, String finishReason) {
        ObjectNode chunk = JSON.createObjectNode();
        chunk.put("id", "chatcmpl-1");
        chunk.put("object", "chat.completion.chunk");
        chunk.put("model", "gpt-4o-mini");
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("delta", delta);
        choice.put("finish_reason", finishReason);
        return "data: " + chunk + "\n\n";
    }
}
