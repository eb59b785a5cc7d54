package dev.goldenpath.dsl;

import static dev.goldenpath.dsl.GoldenPath.baseline;
import static dev.goldenpath.dsl.GoldenPath.cosignKey;
import static dev.goldenpath.dsl.GoldenPath.keyless;
import static dev.goldenpath.dsl.GoldenPath.runtimeProfile;
import static dev.goldenpath.dsl.GoldenPath.toleration;
import static dev.goldenpath.dsl.RuleFixtures.app;
import static dev.goldenpath.dsl.RuleFixtures.environmentNamed;
import static dev.goldenpath.dsl.RuleFixtures.paths;
import static dev.goldenpath.dsl.RuleFixtures.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BaselineRulesTest {

    private static Platform platform(Baseline.Builder baseline, App... apps) {
        return RuleFixtures.platform(List.of(environmentNamed("prod"), environmentNamed("staging")), List.of(),
                Network.DEFAULT, baseline.build(), apps);
    }

    private static List<String> pathsOf(Baseline.Builder baseline, App... apps) {
        return paths(p -> new BaselineRules(platform(baseline, apps), p).check());
    }

    @Test
    void acceptsTheDefaultsAndAKeylessPolicyWithIssuerAndSubject() {
        assertEquals(List.of(), violations(p -> new BaselineRules(platform(baseline(), app(a -> a)), p).check()));
        assertEquals(List.of(), pathsOf(baseline().signedImages(keyless("https://token.actions.githubusercontent.com",
                "https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main", "ghcr.io/acme/**"))));
    }

    @Test
    void refusesAdmissionModesForUnknownEnvironments() {
        assertEquals(List.of("baseline.admission[qa]: 'qa': unknown environment (fix: use one of [prod, staging])"),
                violations(p -> new BaselineRules(platform(baseline().enforceIn("prod", "qa")), p).check()));
    }

    @Test
    void refusesSignaturePoliciesThatWouldMatchOrVerifyNothing() {
        assertEquals(List.of("baseline.imageSignatures.registries", "baseline.imageSignatures.publicKey"),
                pathsOf(baseline().signedImages(cosignKey("ssh-ed25519 AAAA", "GHCR.io/acme/**"))));
        assertEquals(List.of("baseline.imageSignatures.issuer", "baseline.imageSignatures.subject"),
                pathsOf(baseline().signedImages(keyless("http://issuer.example.com", "", "ghcr.io/acme/**"))));
    }

    @Test
    void checksFalcoAndTrivyOnlyWhenTheyAreDeployed() {
        Baseline.Builder broken = baseline().falcoImage("falco").trivyImage("trivy:latest").trivySchedule("daily")
                .falcoOn(Map.of("pool!", "x"), toleration("bad key!", "v", Toleration.Effect.NO_SCHEDULE));
        assertEquals(List.of("baseline.falco.image", "baseline.falco.nodeSelector[pool!]",
                "baseline.falco.tolerations[bad key!]", "baseline.trivy.image", "baseline.trivy.schedule"), pathsOf(broken));
        assertEquals(List.of(), pathsOf(baseline().falcoImage("falco").trivyImage("trivy:latest").withoutFalco()
                .withoutTrivy()));
    }

    @Test
    void acceptsFiveCronFieldsOnly() {
        assertEquals(List.of(), pathsOf(baseline().trivySchedule("*/15 3-5 1,15 * MON-FRI")));
        assertEquals(List.of("baseline.trivy.schedule"), pathsOf(baseline().trivySchedule("0 3 * * * *")));
    }

    @Test
    void checksEveryAppsRuntimeProfileAtTheAppsPath() {
        App app = app(a -> a.runtimeProfile(runtimeProfile().allowProcesses("ledger", "/usr/local/bin/ledger",
                        "ledger-reconciler", "/opt/../bin/sh").protect("/etc", "/usr/", "relative").allowShells("needed")));
        assertEquals(List.of(
                "apps[api].runtimeProfile.allowedProcesses: 'ledger-reconciler': a process is an absolute executable path "
                        + "or a name of at most 15 characters (the kernel truncates names) (fix: use e.g. "
                        + "'/usr/local/bin/ledger' or 'ledger')",
                "apps[api].runtimeProfile.allowedProcesses: '/opt/../bin/sh': a process is an absolute executable path or "
                        + "a name of at most 15 characters (the kernel truncates names) (fix: use e.g. "
                        + "'/usr/local/bin/ledger' or 'ledger')",
                "apps[api].runtimeProfile.protectedPaths: '/usr/': a protected path is an absolute, normalized path "
                        + "without a trailing '/' (fix: use e.g. '/etc' or '/usr/local/bin')",
                "apps[api].runtimeProfile.protectedPaths: 'relative': a protected path is an absolute, normalized path "
                        + "without a trailing '/' (fix: use e.g. '/etc' or '/usr/local/bin')",
                "apps[api].runtimeProfile.shellReason: 'needed': allowing shells needs a written reason of at least 10 "
                        + "characters (fix: say why the container runs shells and who decided)"),
                violations(p -> new BaselineRules(platform(baseline(), app), p).check()));
    }
}
