package dev.goldenpath.dsl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where an app's main container gets volumes mounted, and when two mounts clash. One place for every mount of the
 * pod (writable folders, a stateful service's volumes, secret folders, config files), in the order the pod lists
 * them, so that each new kind of mount is checked against all others. One folder holds one volume (a second mount at
 * the same path is refused by the API server: "must be unique").
 */
final class MountPaths {

    /**
     * A folder mounted into the app's main container.
     *
     * @param path     the mount path
     * @param declared where the spec declares it, e.g. {@code apps[web].writablePaths[/tmp]}
     * @param what     what it is, for messages ("a writable path")
     */
    record Mount(String path, FieldPath declared, String what) {
    }

    private MountPaths() {
    }

    /**
     * Whether the path is absolute and normalized, and not '/': no empty, '.' or '..' segment, no trailing '/', and no
     * ':' (the kubelet refuses it in mount paths on Windows nodes and it reads as a volume separator elsewhere).
     */
    static boolean normalizedAbsolute(String p) {
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

    /** The folders mounted into the app's main container: writable paths, volumes and secret mounts, in pod order. */
    static List<Mount> folders(App app, FieldPath path) {
        List<Mount> mounts = new ArrayList<>();
        for (WritablePath writable : app.container().writablePaths()) {
            mounts.add(new Mount(writable.path(), path.field("writablePaths").key(writable.path()), "a writable path"));
        }
        for (Workload.VolumeClaim volume : volumes(app)) {
            mounts.add(new Mount(volume.mountPath(), path.field("volumes").key(volume.name()).field("mountPath"),
                    "the mount of volume " + volume.name()));
        }
        for (Secret secret : app.secrets()) {
            secret.mountPath().ifPresent(mount -> mounts.add(new Mount(mount,
                    path.field("secrets").key(secret.name()).field("mountPath"), "the mount of secret " + secret.name())));
        }
        return mounts;
    }

    /** Whether two mount paths clash: the same path, or one inside the other. */
    static boolean clash(String a, String b) {
        return a.equals(b) || a.startsWith(b + "/") || b.startsWith(a + "/");
    }
}
