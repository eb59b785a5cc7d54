package dev.goldenpath.gitops;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Credentials never come from a repository URL: such a URL is refused, and the refusal does not echo them. */
class UrlCredentialsTest {

    private static final String SECRET = "s3cr3t-f00d-c0ffee";

    @ParameterizedTest
    @ValueSource(strings = {
        "https://bot:" + SECRET + "@git.example.com/platform/gitops.git",
        "https://" + SECRET + "@git.example.com/platform/gitops.git",
        "http://x-access-token:" + SECRET + "@127.0.0.1:8080/gitops.git",
        "git://" + SECRET + "@git.example.com/gitops.git",
        "ssh://git:" + SECRET + "@git.example.com/platform/gitops.git",
    })
    void aUrlHoldingATokenOrPasswordIsRefusedWithoutEchoingIt(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GitOps.repository(url));

        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        assertTrue(e.getMessage().contains("git.example.com") || e.getMessage().contains("127.0.0.1"), e.getMessage());
        assertTrue(e.getMessage().contains("GOLDENPATH_GIT_TOKEN") && e.getMessage().contains("--token-file")
                && e.getMessage().contains("Credentials.token") && e.getMessage().contains("<serverId>"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "git@github.com:platform/gitops.git",
        "ssh://git@git.example.com:2222/platform/gitops.git",
        "https://git.example.com/platform/gitops.git",
        "git://git.example.com/gitops.git",
    })
    void aUserNameForSshAndPlainUrlsAreFine(String url) {
        assertTrue(GitOps.repository(url).toString().contains("Credentials[none]"));
    }
}
