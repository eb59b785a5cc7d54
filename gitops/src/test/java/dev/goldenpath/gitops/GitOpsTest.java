package dev.goldenpath.gitops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class GitOpsTest {

    @Test
    void readsRemoteAddressesAndLocalPathsAsGitDoes() {
        assertTrue(GitOps.repository("https://git.example.com/p/gitops.git").toString()
                .startsWith("Publisher[https://git.example.com/p/gitops.git "));
        assertTrue(GitOps.repository("git@github.com:acme/gitops.git").toString()
                .startsWith("Publisher[git@github.com:acme/gitops.git "));
        assertTrue(GitOps.repository("github.com:acme/gitops.git").toString()
                .startsWith("Publisher[github.com:acme/gitops.git "));
        assertTrue(GitOps.repository("ssh://git@host:2222/gitops.git").toString()
                .startsWith("Publisher[ssh://git@host:2222/gitops.git "));
        assertTrue(GitOps.repository("/srv/git/gitops.git").toString().startsWith("Publisher[/srv/git/gitops.git "));
        assertTrue(GitOps.repository("file:///srv/git/gitops.git").toString().startsWith("Publisher[/srv/git/gitops.git "));
        assertTrue(GitOps.repository("target/gitops.git").toString()
                .startsWith("Publisher[" + Path.of("target/gitops.git").toAbsolutePath()));
    }

    @Test
    void credentialsInTheUrlAreRefusedAndNeverShown() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GitOps.repository("https://bot:s3cr3t@git.example.com/gitops.git"));
        assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
        assertFalse(e.getMessage().contains("bot"), e.getMessage());
    }

    @Test
    void credentialsNeverShowTheirSecret() {
        assertEquals("Credentials[basic x-access-token:****]", Credentials.token("ghp_secret").toString());
        assertEquals("Credentials[bearer ****]", Credentials.bearer("eyJ.secret").toString());
        assertEquals("Credentials[ssh key=/k, knownHosts=/kh, passphrase=****]",
                Credentials.ssh(Path.of("/k"), Path.of("/kh")).withPassphrase("pw").toString());
        assertEquals("Credentials[none]", Credentials.none().toString());
    }

    @Test
    void derivesPublisherIdsFromRootsAndValidatesNames() {
        assertTrue(GitOps.localBare(Path.of("x.git")).root("clusters/prod/").toString().contains("id=clusters-prod"));
        assertTrue(GitOps.localBare(Path.of("x.git")).toString().contains("root=/ id=root"));
        assertThrows(IllegalArgumentException.class, () -> GitOps.localBare(Path.of("x.git")).root("../escape"));
        assertThrows(IllegalArgumentException.class, () -> GitOps.localBare(Path.of("x.git")).root(".goldenpath/x"));
        assertThrows(IllegalArgumentException.class, () -> GitOps.localBare(Path.of("x.git")).branch("bad..name"));
        assertThrows(IllegalArgumentException.class, () -> GitOps.localBare(Path.of("x.git")).publisherId("a/b"));
        assertThrows(IllegalArgumentException.class, () -> GitOps.localBare(Path.of("x.git")).author("a", "<b>"));
        assertThrows(IllegalStateException.class, () -> GitOps.repository("https://h/r.git").createIfMissing());
    }

    @Test
    void backoffGrowsToItsCeilingWithJitter() {
        RetryPolicy policy = RetryPolicy.of(5, Duration.ofMillis(10), Duration.ofMillis(40));
        for (int i = 0; i < 200; i++) {
            assertTrue(policy.delayBefore(1).toMillis() <= 10);
            assertTrue(policy.delayBefore(2).toMillis() <= 20);
            assertTrue(policy.delayBefore(9).toMillis() <= 40);
        }
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.of(-1, Duration.ZERO, Duration.ZERO));
    }
}
