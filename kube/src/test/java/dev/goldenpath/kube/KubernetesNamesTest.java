package dev.goldenpath.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written matchers accept exactly what apimachinery's regular expressions accept
 * ({@code pkg/util/validation/validation.go}), on edge cases and on many random strings of the characters that matter.
 */
class KubernetesNamesTest {

    private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final Pattern LABEL_P = Pattern.compile(LABEL);
    private static final Pattern DNS1035 = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern SUBDOMAIN = Pattern.compile(LABEL + "(\\." + LABEL + ")*");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern PORT_NAME = Pattern.compile("[-a-z0-9]+");

    private static List<String> samples() {
        List<String> values = new ArrayList<>(List.of("", "a", "-", ".", "_", "a-", "-a", "a.b", "a..b", ".a", "a.",
                "A", "aB", "a_b", "9", "9a", "a9", "a--b", "x.y-z.w", "app.kubernetes.io", "Ab_c.D-9", "a/b", "a b",
                "ä", "a-.b", "a.-b", "http", "h-t"));
        String alphabet = "ab9Z-._/ :";
        Random random = new Random(18);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(9);
            for (int c = 0; c < length; c++) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            values.add(value.toString());
        }
        return values;
    }

    private static void agrees(Pattern pattern, Function<String, Optional<String>> check) {
        for (String value : samples()) {
            assertEquals(pattern.matcher(value).matches(), check.apply(value).isEmpty(), "'" + value + "' by " + pattern);
        }
    }

    @Test
    void labelsAsApimachinery() {
        agrees(LABEL_P, KubernetesNames::label);
    }

    @Test
    void dns1035LabelsAsApimachinery() {
        agrees(DNS1035, KubernetesNames::dns1035);
    }

    @Test
    void subdomainsAsApimachinery() {
        agrees(SUBDOMAIN, KubernetesNames::subdomain);
    }

    @Test
    void labelValuesAsApimachinery() {
        // A label value may also be empty.
        agrees(Pattern.compile("(" + QUALIFIED_NAME.pattern() + ")?"), KubernetesNames::labelValue);
    }

    @Test
    void keysAsApimachinery() {
        // An optional subdomain prefix and '/', then a qualified name.
        agrees(Pattern.compile("(" + SUBDOMAIN.pattern() + "/)?" + QUALIFIED_NAME.pattern()), KubernetesNames::qualifiedName);
    }

    @Test
    void keysAtTheLengthLimitsOfEitherPartAsApimachinery() {
        // A prefix of at most 253 characters (a subdomain), a name of at most 63, each checked on its own side of '/'.
        String prefix253 = String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(61));
        String name63 = "n".repeat(63);
        assertEquals(253, prefix253.length());
        assertTrue(KubernetesNames.qualifiedName(prefix253 + "/" + name63).isEmpty());
        assertTrue(KubernetesNames.qualifiedName(name63).isEmpty());
        assertTrue(KubernetesNames.qualifiedName("x" + prefix253 + "/" + name63).isPresent(), "a prefix of 254");
        assertTrue(KubernetesNames.qualifiedName(prefix253 + "/" + name63 + "n").isPresent(), "a name of 64");
        assertTrue(KubernetesNames.qualifiedName(name63 + "n").isPresent(), "a name of 64 without a prefix");
        // apimachinery limits a subdomain as a whole, not each of its labels (IsDNS1123Subdomain).
        assertTrue(KubernetesNames.qualifiedName("a".repeat(64) + ".io/name").isEmpty(), "a prefix label of 64");
        assertTrue(KubernetesNames.qualifiedName("example.com/a/b").isPresent(), "two slashes");
        assertTrue(KubernetesNames.qualifiedName("/name").isPresent(), "an empty prefix");
        assertTrue(KubernetesNames.qualifiedName("example.com/").isPresent(), "an empty name");
    }

    @Test
    void portNamesAsIana() {
        Pattern iana = Pattern.compile("(?=.*[a-z])(?!.*--)[a-z0-9]([-a-z0-9]*[a-z0-9])?");
        agrees(iana, KubernetesNames::portName);
    }
}
