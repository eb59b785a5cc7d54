package dev.goldenpath.gitops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A failure's reason comes from what the server said, never from digits of the address: a daemon on port 38401 or
 * 40301 that says "no such repository" is a missing repository, not a refused login (seen on a real run, where the
 * free port happened to contain 401).
 */
class FailureReasonsTest {

    /** Addresses whose port or path holds 401 or 403, as free ports and real repositories can. */
    static List<String> addresses() {
        return List.of("git://127.0.0.1:38401/absent.git", "http://127.0.0.1:40301/git/absent.git",
                "https://git.example.com/team-401/absent.git", "ssh://git@127.0.0.1:4030/absent.git",
                "git@git.example.com:403/absent.git");
    }

    @ParameterizedTest
    @MethodSource("addresses")
    void aMissingRepositoryIsReportedAsSuchWhateverTheAddressHolds(String address) throws Exception {
        URIish uri = new URIish(address);
        try (Connections connections = new Connections(uri, Credentials.none(), Duration.ofSeconds(5))) {
            assertEquals(PublishException.Reason.REPOSITORY_NOT_FOUND, connections.failure("fetch from",
                    new NoRemoteRepositoryException(uri, "no such repository: /absent.git")).reason());
            assertEquals(PublishException.Reason.REPOSITORY_NOT_FOUND, connections.failure("fetch from",
                    new TransportException(uri, "Repository not found.")).reason());
            assertEquals(PublishException.Reason.TRANSPORT_FAILED, connections.failure("fetch from",
                    new TransportException(uri, "connection reset")).reason());
        }
    }

    @ParameterizedTest
    @MethodSource("addresses")
    void aRefusalIsStillOneWhereverItComesFrom(String address) throws Exception {
        URIish uri = new URIish(address);
        try (Connections connections = new Connections(uri, Credentials.none(), Duration.ofSeconds(5))) {
            for (String said : List.of("not authorized", "401 Unauthorized", "HTTP 403 Forbidden",
                    "Authentication is required but no CredentialsProvider has been registered",
                    "Permission denied (publickey)")) {
                assertEquals(PublishException.Reason.AUTHENTICATION_FAILED,
                        connections.failure("push to", new TransportException(uri, said)).reason(), said);
            }
        }
    }
}
