package dev.goldenpath.dsl;

import java.util.HashSet;
import java.util.Set;

/**
 * A stateful service: a StatefulSet the API server and its controller accept and that keeps its data. Its name fits
 * the labels the controller derives from it, its volumes are claims Kubernetes accepts, mounted at free folders, its
 * rollout is one a StatefulSet has, and it is not autoscaled.
 */
record StatefulRules(Problems problems) {

    /**
     * The longest StatefulSet name whose pods can be labelled: the controller labels each pod
     * {@code controller-revision-hash: <name>-<hash>} (a hash of up to 10 characters) and
     * {@code statefulset.kubernetes.io/pod-name: <name>-<ordinal>}, and a label value holds 63 characters.
     */
    static final int MAX_NAME = 52;

    void app(App app, FieldPath path) {
        if (!(app.workload() instanceof Workload.StatefulService stateful)) {
            return;
        }
        if (app.name().length() > MAX_NAME && app.name().length() <= 63) {
            problems.add(ViolationCode.STATEFUL_NAME_TOO_LONG, path.field("name"), app.name(),
                    "a stateful service's name is at most " + MAX_NAME + " characters, is " + app.name().length()
                            + ": its pods are labelled '<name>-<revision hash>', and a label value holds 63",
                    "use a shorter name");
        }
        volumes(app, stateful, path);
        rollout(app.availability().rollout(), path.field("rollout"));
        app.availability().autoscaling().ifPresent(a -> problems.add(ViolationCode.STATEFUL_AUTOSCALING,
                path.field("autoscaling"), a.minReplicas() + "-" + a.maxReplicas(),
                "a stateful service is not autoscaled: each new pod starts with an empty volume its data system must"
                        + " fill, and a scale-down leaves a retained volume behind (or deletes it)",
                "remove .autoscale(..) and set .replicas(n), per environment with .in(env, o -> o.replicas(n))"));
        peers(app, stateful, path.field("peersCallEachOther"));
    }

    private void volumes(App app, Workload.StatefulService stateful, FieldPath path) {
        if (stateful.volumes().isEmpty()) {
            problems.add(ViolationCode.STATEFUL_NO_VOLUME, path.field("volumes"), "[]",
                    "a stateful service keeps data in at least one volume",
                    "add .volume(\"data\", \"/var/lib/data\", \"10Gi\"), or declare an app(..) if it keeps nothing");
            return;
        }
        Set<String> names = new HashSet<>();
        // Writable paths are mounted before the volumes; secrets after them (SecretRules checks those).
        Set<String> taken = new HashSet<>();
        app.container().writablePaths().forEach(w -> taken.add(w.path()));
        for (Workload.VolumeClaim volume : stateful.volumes()) {
            FieldPath volumePath = path.field("volumes").key(volume.name());
            // The claim names the pod's volume (a DNS-1123 label) and its PVCs, '<claim>-<name>-<ordinal>': at most
            // 63 + 1 + 52 + 1 + 10 characters, well inside a PVC name's 253.
            problems.addIf(ViolationCode.STATEFUL_VOLUME_NAME_INVALID, volumePath.field("name"), volume.name(),
                    Names.dns1123Label(volume.name()), "use e.g. 'data'");
            if (!names.add(volume.name())) {
                problems.add(ViolationCode.STATEFUL_VOLUME_DUPLICATE, volumePath, volume.name(),
                        "two volumes have the same name", "rename one of them");
            }
            mountPath(volume.mountPath(), volumePath.field("mountPath"), taken);
            new ResourceRules(problems).quantity(volumePath.field("size"), volume.size(), "10Gi")
                    .ifPresent(bytes -> AmountRules.claimSize(problems, volumePath.field("size"), volume.size()));
            volume.storageClass().filter(c -> !Names.DNS1123_SUBDOMAIN.matcher(c).matches() || c.length() > 253)
                    .ifPresent(c -> problems.add(ViolationCode.STATEFUL_STORAGE_CLASS_INVALID,
                            volumePath.field("storageClass"), c, "a StorageClass name is a DNS-1123 subdomain",
                            "use the name `kubectl get storageclass` shows, e.g. 'fast-ssd'"));
        }
    }

    private void mountPath(String mount, FieldPath path, Set<String> taken) {
        if (!MountPaths.normalizedAbsolute(mount)) {
            problems.add(ViolationCode.STATEFUL_MOUNT_PATH_INVALID, path, mount,
                    "a volume is mounted at an absolute, normalized folder other than '/'", "use e.g. /var/lib/data");
            return;
        }
        if (!taken.add(mount)) {
            problems.add(ViolationCode.STATEFUL_MOUNT_PATH_TAKEN, path, mount,
                    "a writable path or another volume is mounted at this folder", "mount the volume elsewhere");
        }
        // A config file at or inside the volume's folder is reported once, by ConfigRules (MountPaths.folders).
    }

    /** StatefulSets replace pods one at a time, highest ordinal first: no Recreate, no surge, one unavailable. */
    private void rollout(Rollout rollout, FieldPath path) {
        if (rollout.recreate()) {
            problems.add(ViolationCode.STATEFUL_ROLLOUT_RECREATE, path, "recreate",
                    "a StatefulSet has no Recreate strategy; its OnDelete strategy, the closest, replaces no pod until"
                            + " someone deletes it by hand",
                    "remove .rollout(recreate()): a stateful service replaces one pod at a time, highest ordinal first");
            return;
        }
        // A value that is no number or percentage at all is WorkloadRules' to report.
        if (Names.INT_OR_PERCENT.matcher(rollout.maxSurge()).matches()
                && !rollout.maxSurge().equals("0") && !rollout.maxSurge().equals("0%")) {
            problems.add(ViolationCode.STATEFUL_ROLLOUT_SURGE, path.field("maxSurge"), rollout.maxSurge(),
                    "a StatefulSet has no surge: each pod's name and volume exist once",
                    "use rollingUpdate(\"0\", \"1\"), or leave the rollout out");
        }
        if (Names.INT_OR_PERCENT.matcher(rollout.maxUnavailable()).matches() && !rollout.maxUnavailable().equals("1")) {
            problems.add(ViolationCode.STATEFUL_ROLLOUT_UNAVAILABLE, path.field("maxUnavailable"),
                    rollout.maxUnavailable(), "a StatefulSet replaces one pod at a time (its maxUnavailable is behind"
                            + " the alpha feature gate MaxUnavailableStatefulSet, and an API server without it drops"
                            + " the field, so Argo CD would report a difference forever)",
                    "use rollingUpdate(\"0\", \"1\"), or leave the rollout out");
        }
    }

    /** The peers' ports are the service's own, each once. */
    private void peers(App app, Workload.StatefulService stateful, FieldPath path) {
        Set<Integer> own = new HashSet<>();
        app.container().ports().forEach(p -> own.add(p.number()));
        Set<Integer> seen = new HashSet<>();
        for (int port : stateful.peerPorts()) {
            if (!own.contains(port)) {
                problems.add(ViolationCode.PORT_NOT_EXPOSED, path, port, "the stateful service does not expose this port",
                        own.isEmpty() ? "declare the port with .port(..)"
                                : "use one of " + own.stream().sorted().toList() + " or declare the port");
            }
            if (!seen.add(port)) {
                problems.add(ViolationCode.PORT_DUPLICATE, path, port, "the port is listed twice", "list it once");
            }
        }
    }
}
