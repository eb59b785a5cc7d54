package dev.goldenpath.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ImageReferenceTest {

    private static final String SHA256 = "sha256:" + "a".repeat(64);
    private static final String SHA512 = "sha512:" + "0123456789abcdef".repeat(8);

    static Stream<String> registeredSha256() {
        return Stream.of(SHA256, "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
    }

    @ParameterizedTest
    @MethodSource("registeredSha256")
    void registeredSha256DigestsPin(String digest) {
        assertTrue(ImageReference.parse("registry.example.com/app@" + digest).pinned());
        assertTrue(ImageReference.parse("registry.example.com/app:1.2@" + digest).pinned());
    }

    @Test
    void registeredSha512DigestsPin() {
        assertTrue(ImageReference.parse("app@" + SHA512).pinned());
        assertTrue(ImageReference.strict("registry.example.com/app@" + SHA512).isPresent());
    }

    static Stream<String> notPinning() {
        return Stream.of(
        "sha256:abc",                                  // too short for sha256
        "sha256:" + "a" + "b".repeat(64),              // too long
        "sha256:" + "A".repeat(64),                    // registered algorithms are lowercase hex
        "sha256:" + "g".repeat(64),                    // not hex
        "sha512:" + "a".repeat(64),                    // sha512 needs 128 hex digits
        "sha384:" + "a".repeat(96),                    // a valid grammar, but not a registered algorithm
        "multihash+base58:QmRZxt2b1FVZPNqd8hsiykDL3TdBDeTSPX9Kv46HmX4Gx8", // the spec's own extension example
        "md5:" + "a".repeat(32),
        "SHA256:" + "a".repeat(64),                    // algorithm components are lowercase
        "sha256" + "a".repeat(64),                     // no colon
        ":" + "a".repeat(64),
        "sha256:",
        "");
    }

    @ParameterizedTest
    @MethodSource("notPinning")
    void anythingElseAfterTheAtDoesNotPin(String digest) {
        assertFalse(ImageReference.parse("registry.example.com/app:1.2@" + digest).pinned(), digest);
        assertFalse(ImageReference.strict("registry.example.com/app:1.2@" + digest).isPresent(), digest);
    }

    static Stream<String> digestsByTheGrammar() {
        return Stream.of("sha384:a", "multihash+base58:QmRZ", "a.b_c-d+e:A=b_c-", SHA256, SHA512);
    }

    @ParameterizedTest
    @MethodSource("digestsByTheGrammar")
    void theOciGrammarAcceptsUnregisteredAlgorithmsAsDigestsWithoutPinning(String digest) {
        assertTrue(ImageReference.isDigest(digest), digest);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SHA256:aa", "sha256:", ":aa", "sha256:a/b", "sha256-:aa", "sha256:a b"})
    void theOciGrammarRefusesMalformedDigests(String digest) {
        assertFalse(ImageReference.isDigest(digest), digest);
    }

    @ParameterizedTest
    @CsvSource({
        "nginx,                                   '',                       nginx,         '',    docker.io",
        "library/nginx:1.25,                      '',                       library/nginx, 1.25,  docker.io",
        "registry.example.com/team/app:1.4.2,     registry.example.com,     team/app,      1.4.2, registry.example.com",
        "registry.example.com:5000/team/app,      registry.example.com:5000, team/app,     '',    registry.example.com:5000",
        "localhost/app:dev,                       localhost,                app,           dev,   localhost",
        "Registry/app:1,                          Registry,                 app,           1,     Registry",
        "localhost:5000/app,                      localhost:5000,           app,           '',    localhost:5000"})
    void splitsDomainPathAndTagAsTheRuntimeDoes(String image, String domain, String path, String tag, String registry) {
        ImageReference reference = ImageReference.parse(image);
        assertEquals(domain, reference.domain());
        assertEquals(path, reference.path());
        assertEquals(tag, reference.tag());
        assertEquals(registry, reference.registry());
        assertEquals(image, reference.toString());
    }

    static Stream<String> outsideTheGrammar() {
        return Stream.of("Team/App:1", "registry.example.com/app:", "app::1", "app:-1",
                "registry.example.com/app@sha256:abc", "/app:1", "app/:1", "app:x" + "1234567890".repeat(13),
                "app:1@" + SHA256 + "@" + SHA256);
    }

    @ParameterizedTest
    @MethodSource("outsideTheGrammar")
    void strictRefusesReferencesOutsideTheGrammar(String image) {
        assertFalse(ImageReference.strict(image).isPresent(), image);
    }

    @Test
    void strictSplitsAsParseDoes() {
        String image = "registry.example.com:5000/team/app:1.4.2@" + SHA256;
        assertEquals(ImageReference.parse(image), ImageReference.strict(image).orElseThrow());
    }

    @Test
    void anotherTagDropsTheDigestThatPinnedTheOldOne() {
        assertEquals("registry.example.com/app:1.5",
                ImageReference.parse("registry.example.com/app:1.4@" + SHA256).withTag("1.5").toString());
    }
}
