package dev.goldenpath.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Version;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** apiVersion and kind come from each subclass's own annotations, however often and from however many threads asked. */
class TypedCustomResourceTest {

    record Spec(String value) {
    }

    @Group("example.com")
    @Version("v1")
    @Kind("Widget")
    static final class Widget extends TypedCustomResource<Spec> {
        Widget() {
            super(new ObjectMeta(), new Spec("w"));
        }
    }

    @Group("other.example.com")
    @Version("v1beta2")
    @Kind("Gadget")
    static final class Gadget extends TypedCustomResource<Spec> {
        Gadget() {
            super(null, new Spec("g"));
        }
    }

    /** Hands its apiVersion and kind over, from the constants its annotations name: no annotation is read. */
    @Group(Gizmo.GROUP)
    @Version(Gizmo.VERSION)
    @Kind(Gizmo.KIND)
    static final class Gizmo extends TypedCustomResource<Spec> {
        static final String GROUP = "gizmo.example.com";
        static final String VERSION = "v2";
        static final String KIND = "Gizmo";

        Gizmo() {
            super(GROUP, VERSION, KIND, null, new Spec("z"));
        }
    }

    /** A core kind: no group, the apiVersion is the version alone. */
    static final class CoreThing extends TypedCustomResource<Spec> {
        CoreThing() {
            super("", "v1", "CoreThing", null, new Spec("c"));
        }
    }

    @Test
    void aClassThatHandsThemOverHasTheSameApiVersionAndKindItsAnnotationsSay() {
        Gizmo gizmo = new Gizmo();
        assertEquals("gizmo.example.com/v2", gizmo.getApiVersion());
        assertEquals("Gizmo", gizmo.getKind());
        assertEquals(HasMetadata.getApiVersion(Gizmo.class), gizmo.getApiVersion());
        assertEquals(HasMetadata.getKind(Gizmo.class), gizmo.getKind());
        assertEquals("v1", new CoreThing().getApiVersion());
        assertThrows(IllegalArgumentException.class, () -> gizmo.setKind("Widget"));
    }

    @Test
    void eachClassHasItsOwnApiVersionAndKind() {
        for (int i = 0; i < 3; i++) {
            assertEquals("example.com/v1", new Widget().getApiVersion());
            assertEquals("Widget", new Widget().getKind());
            assertEquals("other.example.com/v1beta2", new Gadget().getApiVersion());
            assertEquals("Gadget", new Gadget().getKind());
        }
    }

    @Test
    void onlyItsOwnApiVersionAndKindCanBeSet() {
        Widget widget = new Widget();
        widget.setApiVersion("example.com/v1");
        widget.setKind("Widget");
        IllegalArgumentException version = assertThrows(IllegalArgumentException.class,
                () -> widget.setApiVersion("other.example.com/v1beta2"));
        assertEquals("expected apiVersion example.com/v1 but got other.example.com/v1beta2", version.getMessage());
        IllegalArgumentException kind = assertThrows(IllegalArgumentException.class, () -> widget.setKind("Gadget"));
        assertEquals("expected kind Widget but got Gadget", kind.getMessage());
    }

    @Test
    void manyThreadsAskingAtOnceGetTheSameAnswers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> asks = java.util.stream.IntStream.range(0, 64)
                    .mapToObj(i -> (Callable<String>) () -> i % 2 == 0
                            ? new Widget().getApiVersion() + " " + new Widget().getKind()
                            : new Gadget().getApiVersion() + " " + new Gadget().getKind())
                    .toList();
            List<Future<String>> answers = pool.invokeAll(asks);
            for (int i = 0; i < answers.size(); i++) {
                assertEquals(i % 2 == 0 ? "example.com/v1 Widget" : "other.example.com/v1beta2 Gadget",
                        answers.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
