package dev.goldenpath.dsl;

import static dev.goldenpath.dsl.RuleFixtures.API;
import static dev.goldenpath.dsl.RuleFixtures.app;
import static dev.goldenpath.dsl.RuleFixtures.paths;
import static dev.goldenpath.dsl.RuleFixtures.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerRulesTest {

    @Test
    void refusesVariableNamesKubernetesRejectsAndVariablesSetTwice() {
        App app = app(a -> a.env("LOG_LEVEL", "info").env("9LIVES", "x").env("LOG_LEVEL", "debug").env("app.mode", "x"));
        assertEquals(List.of("apps[api].env[9LIVES]", "apps[api].env[LOG_LEVEL]"),
                paths(p -> new ContainerRules(p).env(app, API)));
    }

    @Test
    void acceptsNormalizedWritableFolders() {
        App app = app(a -> a.writablePath("/tmp").writablePath("/var/cache/app", "1Gi"));
        assertEquals(List.of(), violations(p -> new ContainerRules(p).writablePaths(app, API)));
    }

    @Test
    void refusesWritablePathsThatAreNotOneNormalizedFolder() {
        for (String path : List.of("tmp", "/", "/var//cache", "/tmp/", "/a/./b", "/a/../b", "/a/..", "/a/.", "/c:d")) {
            App app = app(a -> a.writablePath(path));
            assertEquals(List.of("apps[api].writablePaths[" + path + "]"),
                    paths(p -> new ContainerRules(p).writablePaths(app, API)), path);
        }
    }

    @Test
    void checksEachWritablePathsSizeLimitAtItsOwnPath() {
        App app = app(a -> a.writablePath("/tmp", "lots").writablePath("/cache", "1Pi").writablePath("/cache"));
        assertEquals(List.of(
                "apps[api].writablePaths[/tmp].sizeLimit: 'lots': not a Kubernetes quantity (fix: use a number with an "
                        + "optional suffix, e.g. 1Gi)",
                "apps[api].writablePaths[/cache].sizeLimit: '1Pi': more than 64Ti: no node has that much disk (fix: use "
                        + "what the app really writes, e.g. 1Gi)",
                "apps[api].writablePaths[/cache]: '/cache': the path is declared twice (fix: declare it once)"),
                violations(p -> new ContainerRules(p).writablePaths(app, API)));
    }

    @Test
    void allowsOnlyNetBindServiceWithoutTheWeakening() {
        App bind = app(a -> a.addCapabilities("NET_BIND_SERVICE"));
        assertEquals(List.of(), violations(p -> new ContainerRules(p).capabilities(bind, API)));
        App admin = app(a -> a.addCapabilities("NET_ADMIN", "CAP_SYS_TIME", "ALL", "NET_ADMIN"));
        assertEquals(List.of("apps[api].addedCapabilities[NET_ADMIN]", "apps[api].addedCapabilities[CAP_SYS_TIME]",
                        "apps[api].addedCapabilities[ALL]", "apps[api].addedCapabilities[NET_ADMIN]",
                        "apps[api].addedCapabilities[NET_ADMIN]"),
                paths(p -> new ContainerRules(p).capabilities(admin, API)));
        App declared = app(a -> a.addCapabilities("NET_ADMIN")
                .weaken(Weakening.ADDED_CAPABILITIES, "the app programs its own routes"));
        assertEquals(List.of(), violations(p -> new ContainerRules(p).capabilities(declared, API)));
    }

    @Test
    void refusesCapabilityAndHostPortWeakeningsNothingUses() {
        App app = app(a -> a.addCapabilities("NET_BIND_SERVICE")
                .weaken(Weakening.ADDED_CAPABILITIES, "once needed, now left over")
                .weaken(Weakening.HOST_PORTS, "once needed, now left over"));
        assertEquals(List.of("apps[api].weakenings[ADDED_CAPABILITIES]", "apps[api].weakenings[HOST_PORTS]"),
                paths(p -> new ContainerRules(p).capabilities(app, API)));
    }
}
