package dev.goldenpath.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.goldenpath.vocabulary.RuleId;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Only a digest of a registered algorithm in its required encoding pins an image (OCI image specification,
 * "Digests"): the runtime verifies content against it. Anything else after the '@' pins nothing.
 */
class ImageDigestTest {

    private static final Linter DIGEST_REQUIRED = Linter.builder().requireDigest(true).build();

    static Stream<String> pinning() {
        return Stream.of("@sha256:" + "0123456789abcdef".repeat(4), ":1.0@sha256:" + "a".repeat(64),
                "@sha512:" + "0123456789abcdef".repeat(8));
    }

    static Stream<String> notPinning() {
        return Stream.of(":1.0", ":1.0@sha256:abc", ":1.0@sha256:" + "A".repeat(64), ":1.0@sha512:" + "a".repeat(64),
                ":1.0@sha384:" + "a".repeat(96), ":1.0@md5:" + "a".repeat(32), ":1.0@latest", ":1.0@");
    }

    @ParameterizedTest
    @MethodSource("pinning")
    void registeredDigestsPin(String suffix) {
        assertEquals(0, digestFindings(suffix));
    }

    @ParameterizedTest
    @MethodSource("notPinning")
    void everythingElseIsReportedAsNotPinned(String suffix) {
        assertEquals(1, digestFindings(suffix));
    }

    private static int digestFindings(String suffix) {
        String pod = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: app
                  namespace: shop
                spec:
                  containers:
                    - name: app
                      image: registry.example.com/app%s
                """.formatted(suffix);
        return DIGEST_REQUIRED.lintYaml("pod.yaml", pod).findings(RuleId.IMAGE_DIGEST).size();
    }
}
