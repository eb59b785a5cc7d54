package dev.goldenpath.gitops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SecretGuardTest {

    private static List<SecretFinding> scan(String path, String content) {
        List<SecretFinding> findings = new ArrayList<>();
        SecretGuard.scan(path, content.getBytes(StandardCharsets.UTF_8), findings);
        return findings;
    }

    private static List<String> lines(String path, String content) {
        return scan(path, content).stream().map(SecretFinding::toString).toList();
    }

    @Test
    void flagsSecretDataAndStringDataWithTheirLines() {
        assertEquals(List.of("s.yaml:5: plaintext Secret with data (kind: Secret)",
                "s.yaml:7: plaintext Secret with stringData (kind: Secret)"), lines("s.yaml", """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: db
                data:
                  password: aHVudGVyMg==
                stringData: {token: abc}
                """));
    }

    @Test
    void passesSealedAndExternalSecretsAndEmptySecrets() {
        assertEquals(List.of(), lines("sealed.yaml", """
                apiVersion: bitnami.com/v1alpha1
                kind: SealedSecret
                metadata:
                  name: db
                spec:
                  encryptedData:
                    password: AgBy3i4OJSWK+PiTySYZZA==
                  template:
                    data:
                      note: not secret
                ---
                apiVersion: external-secrets.io/v1beta1
                kind: ExternalSecret
                spec:
                  data:
                    - secretKey: password
                      remoteRef: {key: db/password}
                ---
                apiVersion: v1
                kind: Secret
                metadata:
                  name: filled-by-controller
                data: {}
                """));
    }

    @Test
    void findsSecretsInsideListsAndMultiDocumentFilesButNotNeighbouringConfigMaps() {
        assertEquals(List.of("all.yaml:7: plaintext Secret with data (kind: Secret)",
                "all.yaml:17: plaintext Secret with stringData (kind: Secret)"), lines("all.yaml", """
                apiVersion: v1
                kind: List
                items:
                  - apiVersion: v1
                    kind: Secret
                    metadata: {name: a}
                    data:
                      k: dg==
                  - apiVersion: v1
                    kind: ConfigMap
                    data:
                      k: v
                ---
                # comment
                "kind": "Secret"
                metadata: {name: quoted}
                stringData:
                  k: v
                """));
    }

    @Test
    void aConfigMapWithDataPasses() {
        assertEquals(List.of(), lines("cm.yaml", "apiVersion: v1\nkind: ConfigMap\ndata:\n  Secret: no\n"));
    }

    @Test
    void flagsJsonSecrets() {
        assertEquals(List.of("s.json:4: plaintext Secret with data (kind: Secret)"), lines("s.json",
                "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Secret\",\n  \"data\": {\"k\": \"dg==\"}\n}\n"));
    }

    @Test
    void flagsPrivateKeyBlocks() {
        assertEquals(List.of("id:2: private key block", "id:5: private key block", "id:6: private key block"),
                // The markers are assembled here so that no key block stands in the source (repository hooks scan it).
                lines("id", "x: |\n  " + begin("OPENSSH " + PRIVATE) + "\n  b3BlbnNzaC1rZXktdjEAAAAA\n"
                        + "  -----END OPENSSH " + PRIVATE + "-----\n" + begin("RSA " + PRIVATE) + "\n"
                        + begin("PGP " + PRIVATE + " BLOCK") + "\n" + begin("PUBLIC KEY") + "\n"
                        + begin("CERTIFICATE") + "\n"));
    }

    private static final String PRIVATE = "PRIVATE" + " KEY";

    private static String begin(String label) {
        return "-----BEGIN " + label + "-----";
    }

    @Test
    void flagsCommonTokenFormatsWithoutRepeatingThem() {
        String github = "ghp_" + "a".repeat(36);
        String content = String.join("\n",
                "github: " + github,
                "pat: github_pat_" + "A1".repeat(20),
                "gitlab: glpat-" + "x".repeat(20),
                "aws: AKIA" + "ABCDEFGHIJKLMNOP",
                "slack: xoxb-1234567890-abc",
                "google: AIza" + "B".repeat(35),
                "stripe: sk_live_" + "9".repeat(24),
                "jwt: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
                "fine: ghp_short AKIAshort notAKIAABCDEFGHIJKLMNOP sk_test_" + "9".repeat(24));
        List<SecretFinding> findings = scan("tokens.yaml", content);
        assertEquals(List.of("tokens.yaml:1: GitHub token", "tokens.yaml:2: GitHub fine-grained token",
                "tokens.yaml:3: GitLab token", "tokens.yaml:4: AWS access key id", "tokens.yaml:5: Slack token",
                "tokens.yaml:6: Google API key", "tokens.yaml:7: Stripe live secret key",
                "tokens.yaml:8: JSON Web Token"), findings.stream().map(SecretFinding::toString).toList());
        assertEquals(List.of(), findings.stream().filter(f -> f.toString().contains(github)).toList());
    }

    @Test
    void skipsBinaryFiles() {
        byte[] binary = ("\0ghp_" + "a".repeat(36)).getBytes(StandardCharsets.ISO_8859_1);
        List<SecretFinding> findings = new ArrayList<>();
        SecretGuard.scan("logo.png", binary, findings);
        assertEquals(List.of(), findings);
    }

    @Test
    void exceptionListsEveryFindingOnePerLine() {
        SecretGuardException e = new SecretGuardException(List.of(new SecretFinding("a.yaml", 3, "GitHub token"),
                new SecretFinding("b.yaml", 1, "private key block")));
        assertEquals("refusing to commit: the tree holds 2 plaintext secrets (use a SealedSecret or an ExternalSecret;"
                + " nothing was committed):\n  a.yaml:3: GitHub token\n  b.yaml:1: private key block", e.getMessage());
    }
}
