package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StreamRequestTest {

    private static StreamRequest parse(String target) throws RequestException {
        return StreamRequest.from(QueryString.parse(target).parameters(), 8_000);
    }

    @Test
    void decodesEveryParameter() throws Exception {
        StreamRequest request = parse("/ws/chat/stream?message=Hello%2C+how+are+you%3F%20%F0%9F%8E%89"
                + "&language=en-US&conversation_id=abc_DEF-1&voice=en_US-lessac-medium&rate=1.25");
        assertThat(request.message()).isEqualTo("Hello, how are you? 🎉");
        assertThat(request.language()).isEqualTo("en-US");
        assertThat(request.conversationId()).isEqualTo("abc_DEF-1");
        assertThat(request.voice()).isEqualTo("en_US-lessac-medium");
        assertThat(request.rate()).isEqualTo(1.25);
    }

    @Test
    void optionalParametersMayBeAbsentOrBlank() throws Exception {
        StreamRequest request = parse("/ws/chat/stream?message=hi&language=&voice=");
        assertThat(request.language()).isNull();
        assertThat(request.voice()).isNull();
        assertThat(request.conversationId()).isNull();
        assertThat(request.rate()).isNull();
    }

    @Test
    void theFirstOfARepeatedParameterWins() throws Exception {
        assertThat(parse("/x?message=one&message=two").message()).isEqualTo("one");
    }

    @Test
    void eightThousandCharactersAreAcceptedAndOneMoreIsNot() throws Exception {
        String emoji = "🎉".repeat(8_000);
        assertThat(StreamRequest.from(java.util.Map.of("message", emoji), 8_000).message()).hasSize(16_000);
        assertThatThrownBy(() -> StreamRequest.from(java.util.Map.of("message", "a".repeat(8_001)), 8_000))
                .isInstanceOfSatisfying(RequestException.class, e -> assertThat(e.code()).isEqualTo(413))
                .hasMessageContaining("8001").hasMessageContaining("8000");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/ws/chat/stream                                  | 400 | message parameter is missing",
        "/ws/chat/stream?message=                         | 400 | message parameter is missing",
        "/ws/chat/stream?message=%20%20%0A                | 400 | message parameter is missing",
        "/ws/chat/stream?message=hi&conversation_id=a/b   | 400 | conversation_id must be",
        "/ws/chat/stream?message=hi&conversation_id=../x  | 400 | conversation_id must be",
        "/ws/chat/stream?message=hi&conversation_id=      | 400 | conversation_id must be",
        "/ws/chat/stream?message=hi&conversation_id=%20a  | 400 | conversation_id must be",
        "/ws/chat/stream?message=hi&rate=3                | 400 | rate must be a number from 0.5 to 2.0",
        "/ws/chat/stream?message=hi&rate=fast             | 400 | rate must be a number",
        "/ws/chat/stream?message=%E0%A4                   | 400 | not valid percent-encoding",
        "/ws/chat/stream?message=100%                     | 400 | not valid percent-encoding",
        "/ws/chat/stream?message=hi&language=english      | 400 | language must look like en_US",
        "/ws/chat/stream?message=hi&language=en_US%0Ax    | 400 | language must look like en_US",
        "/ws/chat/stream?message=hi&language=e            | 400 | language must look like en_US",
        "/ws/chat/stream?message=hi&voice=../../etc/passwd | 400 | voice must be a voice id",
        "/ws/chat/stream?message=hi&voice=a%20b           | 400 | voice must be a voice id",
        "/ws/chat/stream?message=hi&voice=%3Cscript%3E    | 400 | voice must be a voice id",
    })
    void badRequestsAreRefusedWithTheirCode(String target, int code, String message) {
        assertThatThrownBy(() -> parse(target))
                .isInstanceOfSatisfying(RequestException.class, e -> assertThat(e.code()).isEqualTo(code))
                .hasMessageContaining(message);
    }

    @Test
    void voiceAndLanguageHaveLengthLimitsAndRefusalsAreShortened() throws Exception {
        assertThat(parse("/x?message=hi&voice=" + "v".repeat(100)).voice()).hasSize(100);
        assertThatThrownBy(() -> parse("/x?message=hi&voice=" + "v".repeat(101)))
                .isInstanceOf(RequestException.class).hasMessageNotContaining("v".repeat(41));
        assertThat(parse("/x?message=hi&language=zh-Hans-CN").language()).isEqualTo("zh-Hans-CN");
        assertThatThrownBy(() -> parse("/x?message=hi&language=en-a-b-c-d"))
                .isInstanceOf(RequestException.class);
    }

    @Test
    void theTokenIsHiddenFromLoggedTargets() {
        assertThat(QueryString.redacted("/ws/chat/stream?token=s3cret&message=hi&xtoken=keep"))
                .isEqualTo("/ws/chat/stream?token=<redacted>&message=hi&xtoken=keep");
        assertThat(QueryString.redacted("/ws/chat/stream?message=hi&token=s3cret"))
                .isEqualTo("/ws/chat/stream?message=hi&token=<redacted>");
    }

    @Test
    void aPercentEncodedTokenNameIsHiddenAsItIsRead() throws RequestException {
        String target = "/ws/chat/stream?message=hi&%74oken=s3cret&%74%6F%6B%65%6E=other&%zz=maybe";
        assertThat(QueryString.parse("/ws/chat/stream?%74oken=s3cret").parameters()).containsEntry("token", "s3cret");
        assertThat(QueryString.redacted(target))
                .isEqualTo("/ws/chat/stream?message=hi&%74oken=<redacted>&%74%6F%6B%65%6E=<redacted>&%zz=<redacted>")
                .doesNotContain("s3cret", "other", "maybe");
    }

    @Test
    void a65CharacterConversationIdIsRefused() {
        assertThatThrownBy(() -> parse("/ws/chat/stream?message=hi&conversation_id=" + "a".repeat(65)))
                .isInstanceOf(RequestException.class);
    }
}
