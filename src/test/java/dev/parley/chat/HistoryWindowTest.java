package dev.parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.llm.ChatMessage;
import dev.parley.llm.ChatMessage.Role;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryWindowTest {

    private static StoredMessage m(Role role, String text) {
        return new StoredMessage(role, text, Instant.EPOCH, false);
    }

    private static final List<StoredMessage> EARLIER = List.of(
            m(Role.USER, "aaaa"), m(Role.ASSISTANT, "bbbb"),
            m(Role.USER, "cccc"), m(Role.ASSISTANT, "dddd"));

    @Test
    void everythingFitsWithinTheBudget() {
        List<ChatMessage> messages = new HistoryWindow(100).build("sys", EARLIER, "new");
        assertThat(messages).containsExactly(ChatMessage.system("sys"), ChatMessage.user("aaaa"),
                ChatMessage.assistant("bbbb"), ChatMessage.user("cccc"), ChatMessage.assistant("dddd"),
                ChatMessage.user("new"));
    }

    @Test
    void oldestTurnsAreDroppedFirstAndTheSystemPromptIsKept() {
        assertThat(new HistoryWindow(8).build("sys", EARLIER, "new")).containsExactly(
                ChatMessage.system("sys"), ChatMessage.user("cccc"), ChatMessage.assistant("dddd"),
                ChatMessage.user("new"));
    }

    @Test
    void historyNeverStartsWithAnAnswerWithoutItsQuestion() {
        assertThat(new HistoryWindow(12).build("sys", EARLIER, "new")).containsExactly(
                ChatMessage.system("sys"), ChatMessage.user("cccc"), ChatMessage.assistant("dddd"),
                ChatMessage.user("new"));
    }

    @Test
    void aZeroBudgetStillSendsTheSystemPromptAndTheMessage() {
        assertThat(new HistoryWindow(0).build("sys", EARLIER, "a very long new message"))
                .containsExactly(ChatMessage.system("sys"), ChatMessage.user("a very long new message"));
    }

    @Test
    void aQuestionWhoseReplyFailedBeforeAnyTextIsLeftOut() {
        List<StoredMessage> earlier = List.of(m(Role.USER, "hi"), m(Role.ASSISTANT, "hello"),
                m(Role.USER, "q"), new StoredMessage(Role.ASSISTANT, "", Instant.EPOCH, true));
        assertThat(new HistoryWindow(100).build("sys", earlier, "again")).containsExactly(ChatMessage.system("sys"),
                ChatMessage.user("hi"), ChatMessage.assistant("hello"), ChatMessage.user("again"));
    }

    @Test
    void aQuestionWithoutAnyStoredReplyIsLeftOutSoRolesAlternate() {
        List<StoredMessage> earlier = List.of(m(Role.USER, "lost"), m(Role.USER, "q"), m(Role.ASSISTANT, "a"),
                m(Role.USER, "crashed before its reply was saved"));
        assertThat(new HistoryWindow(100).build("sys", earlier, "again")).containsExactly(ChatMessage.system("sys"),
                ChatMessage.user("q"), ChatMessage.assistant("a"), ChatMessage.user("again"));
    }

    @Test
    void aPartialReplyIsSentAsItWasHeard() {
        List<StoredMessage> earlier = List.of(m(Role.USER, "q"), new StoredMessage(Role.ASSISTANT, "Half", Instant.EPOCH, true));
        assertThat(new HistoryWindow(100).build("sys", earlier, "go on")).containsExactly(ChatMessage.system("sys"),
                ChatMessage.user("q"), ChatMessage.assistant("Half"), ChatMessage.user("go on"));
    }
}
