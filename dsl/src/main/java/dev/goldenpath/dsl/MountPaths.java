package dev.goldenpath.dsl;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The folders an app's pod mounts volumes at, in the order the pod lists them: writable paths, then a stateful
 * service's volumes, then secrets. One folder holds one volume (a second mount at the same path is refused by the API
 * server: "must be unique"), so each rule that adds a mount checks it against the folders taken before it.
 */
final class MountPaths {

    private MountPaths() {
    }

    /** An absolute, normalized folder other than '/' (no '//', '.', '..', trailing '/' or ':'). */
    static boolean isFolder(String p) {
        return p.startsWith("/") && !p.equals("/") && !p.contains("//") && !p.endsWith("/")
                && !p.contains("/./") && !p.contains("/../") && !p.endsWith("/..") && !p.endsWith("/.")
                && !p.contains(":");
    }

    /** The volumes of a stateful service; none for other kinds. */
    static List<Workload.VolumeClaim> volumes(App app) {
        return app.workload() instanceof Workload.StatefulService stateful ? stateful.volumes() : List.of();
    }

    /** The folders taken before the secrets are mounted: the writable paths and the stateful service's volumes. */
    static Set<String> beforeSecrets(App app) {
        Set<String> taken = new LinkedHashSet<>();
        app.container().writablePaths().forEach(w -> taken.add(w.path()));
        volumes(app).forEach(v -> taken.add(v.mountPath()));
        return taken;
    }
}
