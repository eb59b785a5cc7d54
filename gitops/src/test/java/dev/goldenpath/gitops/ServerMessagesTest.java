package dev.goldenpath.gitops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** What a server says about a refused push, as it reaches an exception message and a terminal. */
class ServerMessagesTest {

    @Test
    void keepsTheReasonAndDropsTerminalEscapesAndControlCharacters() {
        String said = "remote: \u001B[1;31merror\u001B[0m: protected branch\u0007 hook declined\r\n"
                + "remote: \u001B]0;owned title\u0007see https://git.example.com/policy\n\n";

        assertEquals(List.of("error: protected branch hook declined", "see https://git.example.com/policy"),
                ServerMessages.clean(said, text -> text));
    }

    @Test
    void masksThisPublishsSecretsAndAnythingTokenShaped() {
        String said = "push by x-access-token:my-own-secret-123 refused\n"
                + "clone https://bot:hunter2hunter2@git.example.com/x.git instead\n"
                + "your token ghp_" + "b".repeat(36) + " lacks the workflow scope\n"
                + "Authorization: Bearer abc.def-ghi-123456\n"
                + "token=glpat-" + "c".repeat(20) + "\n";

        List<String> lines = ServerMessages.clean(said, text -> text.replace("my-own-secret-123", "****"));

        assertEquals(List.of("push by x-access-token:**** refused",
                "clone https://bot:****@git.example.com/x.git instead",
                "your token **** lacks the workflow scope",
                "Authorization: Bearer ****",
                "token=****"), lines);
    }

    @Test
    void keepsAtMostTwentyLines() {
        List<String> lines = ServerMessages.clean("line\n".repeat(50), text -> text);

        assertEquals(ServerMessages.MAX_LINES + 1, lines.size());
        assertEquals("... (more lines from the server left out)", lines.get(ServerMessages.MAX_LINES));
    }
}
