package dev.goldenpath.dsl;

import static dev.goldenpath.dsl.RuleFixtures.API;
import static dev.goldenpath.dsl.RuleFixtures.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImageRulesTest {

    private static final FieldPath IMAGE = API.field("image");
    private static final FieldPath TAG = API.field("in").key("prod").field("imageTag");

    @Test
    void acceptsImagesPinnedByTagOrDigest() {
        for (String image : List.of("registry.example.com/team/app:1.0.0", "nginx:1.27",
                "registry.example.com:5000/app@sha256:" + "a".repeat(64), "ghcr.io/org/app:1.0@sha256:" + "0".repeat(64))) {
            assertEquals(List.of(), violations(p -> new ImageRules(p).image(IMAGE, image)), image);
        }
    }

    @Test
    void refusesImagesThatFloat() {
        assertEquals(List.of("apps[api].image: 'nginx': an image without tag or digest means 'latest' "
                        + "(fix: add a version tag (:1.2.3) or a digest (@sha256:...))",
                "apps[api].image: 'nginx:latest': the tag 'latest' is mutable: deployments would not be reproducible "
                        + "(fix: use a version tag or pin by digest (@sha256:...))"),
                violations(p -> {
                    new ImageRules(p).image(IMAGE, "nginx");
                    new ImageRules(p).image(IMAGE, "nginx:latest");
                }));
    }

    @Test
    void refusesAnOverriddenTagThatIsMalformedOrLatest() {
        assertEquals(List.of(), violations(p -> new ImageRules(p).tag(TAG, "1.4.3-rc_1")));
        assertEquals(List.of(
                "apps[api].in[prod].imageTag: 'v1/2': an image tag is 1 to 128 letters, digits, '_', '.' and '-' (fix: use e.g. '1.4.3')",
                "apps[api].in[prod].imageTag: '" + "1".repeat(129) + "': an image tag is 1 to 128 letters, digits, '_', '.' "
                        + "and '-' (fix: use e.g. '1.4.3')",
                "apps[api].in[prod].imageTag: 'latest': the tag 'latest' is mutable: deployments would not be reproducible "
                        + "(fix: use a version tag)"),
                violations(p -> {
                    ImageRules rules = new ImageRules(p);
                    rules.tag(TAG, "v1/2");
                    rules.tag(TAG, "1".repeat(129));
                    rules.tag(TAG, "latest");
                }));
    }
}
