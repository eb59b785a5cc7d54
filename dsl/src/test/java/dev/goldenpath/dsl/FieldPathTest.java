package dev.goldenpath.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class FieldPathTest {

    @Test
    void rendersFieldsKeysAndIndexesAsKubernetesDoes() {
        assertEquals("apps[web].ports[0].port", FieldPath.app("web").field("ports").index(0).field("port").toString());
        assertEquals("apps[web].ports[http].number", FieldPath.app("web").field("ports").key("http").field("number")
                .toString());
        assertEquals("environments[prod].clusters[eu-1].labels[example.com/tier]", FieldPath.environment("prod")
                .field("clusters").key("eu-1").field("labels").key("example.com/tier").toString());
    }

    @Test
    void startsAtAFieldOfThePlatform() {
        assertEquals("gitRepository", FieldPath.root("gitRepository").toString());
        assertEquals("teams[payments].owner", FieldPath.team("payments").field("owner").toString());
        assertEquals("secretStores[vault].server", FieldPath.secretStore("vault").field("server").toString());
        assertEquals("network.dns.podLabels[k8s-app]", FieldPath.root("network").field("dns").field("podLabels")
                .key("k8s-app").toString());
        assertThrows(IllegalArgumentException.class, () -> new FieldPath(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new FieldPath(List.of(new FieldPath.Key("web"))));
    }

    @Test
    void namesAWeakeningByItsWeakening() {
        assertEquals("apps[web].weakenings[RUN_AS_ROOT]", FieldPath.app("web").weakening(Weakening.RUN_AS_ROOT).toString());
        assertEquals("apps[web].weakenings[NO_PROBES].reason",
                FieldPath.app("web").weakening(Weakening.NO_PROBES).field("reason").toString());
    }

    @Test
    void keysShowTheirValueAsWritten() {
        // Keys are shown verbatim, as Kubernetes shows them: a key with dots or brackets is not escaped.
        assertEquals("apps[web].writablePaths[/var/cache]", FieldPath.app("web").field("writablePaths").key("/var/cache")
                .toString());
        assertEquals("apps[web].callsExternal[0.0.0.0/0].ports", FieldPath.app("web").field("callsExternal")
                .key("0.0.0.0/0").field("ports").toString());
    }

    @Test
    void isAValueThatLongerPathsDoNotChange() {
        FieldPath app = FieldPath.app("web");
        FieldPath image = app.field("image");
        assertEquals("apps[web]", app.toString());
        assertEquals(image, FieldPath.app("web").field("image"));
        assertEquals(3, image.steps().size());
    }
}
