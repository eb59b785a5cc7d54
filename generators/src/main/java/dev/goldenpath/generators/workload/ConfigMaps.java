package dev.goldenpath.generators.workload;

import dev.goldenpath.dsl.App;
import dev.goldenpath.dsl.AppInstance;
import dev.goldenpath.dsl.Config;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.generators.metadata.Labels;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An app's config files and config variables: one immutable ConfigMap per app, named after a hash of its content
 * ({@code <app>-config-<10 hex digits>}), its files mounted read-only one by one and its variables read by key.
 *
 * <p>Why this shape: a new content is a new name in the pod template, so a change rolls the pods the way a new image
 * does, and Argo CD prunes the old ConfigMap once it is no longer in the tree (after the new pods are up:
 * {@code PruneLast=true}). Immutable ConfigMaps are never watched by the kubelet (K8s docs, "Immutable ConfigMaps"),
 * and nobody can edit one in the cluster behind git's back. One ConfigMap per app, not per folder: every change
 * rolls the pod anyway, and one object is one size limit to explain. Each file is mounted with {@code subPath} at
 * exactly its path, so the rest of its folder stays as the image has it ({@code /etc/nginx/nginx.conf} without
 * hiding {@code /etc/nginx/mime.types}); a subPath mount never sees updates, which cannot happen to an immutable map.
 */
public final class ConfigMaps {

    /** Files are read by the app's user through the pod's fsGroup; nobody writes (as secret volumes, 0440). */
    static final int FILE_MODE = 0440;
    /**
     * Argo CD applies the ConfigMap server-side: client-side apply copies the whole object into the
     * last-applied-configuration annotation, and annotations may hold 256 KiB, a quarter of a ConfigMap's 1 MiB.
     */
    static final Map<String, String> SYNC_OPTIONS = Map.of("argocd.argoproj.io/sync-options", "ServerSideApply=true");
    private static final int HASH_HEX_DIGITS = 10;

    private ConfigMaps() {
    }

    /** The app's ConfigMap in this environment, when it declares config files or variables. */
    public static Optional<ConfigMap> render(Platform platform, AppInstance instance) {
        App app = instance.app();
        if (app.config().isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> data = new TreeMap<>();
        app.config().entries().forEach(entry -> data.put(entry.key(), entry.value()));
        Map<String, String> annotations = new TreeMap<>(Labels.annotations(instance));
        annotations.putAll(SYNC_OPTIONS);
        return Optional.of(new ConfigMapBuilder()
                .withMetadata(new ObjectMetaBuilder()
                        .withName(name(app))
                        .withNamespace(instance.namespace())
                        .withLabels(Labels.of(platform, instance))
                        .withAnnotations(annotations)
                        .build())
                // K8s docs "Immutable ConfigMaps": no edit in the cluster, and the kubelet stops watching it.
                .withImmutable(true)
                .withData(data)
                .build());
    }

    /** {@code <app>-config-<hash>}: the same content gives the same name, on every run and every JVM. */
    public static String name(App app) {
        return app.name() + "-config-" + hash(app.config());
    }

    /**
     * The first {@value #HASH_HEX_DIGITS} hex digits of SHA-256 over the ConfigMap's data in a canonical encoding:
     * the entries sorted by key, each as the key's and then the value's UTF-8 length (4 bytes, big-endian) and bytes.
     * Lengths make the encoding unambiguous; sorting makes it independent of declaration order.
     */
    static String hash(Config config) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            config.entries().stream().sorted(Comparator.comparing(Config.Entry::key)).forEach(entry -> {
                field(digest, entry.key());
                field(digest, entry.value());
            });
            return HexFormat.of().formatHex(digest.digest()).substring(0, HASH_HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void field(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    /** The volume that holds the app's config files (none without files), named uniquely within the pod. */
    static Optional<Volume> volume(App app, Set<String> volumeNames) {
        List<KeyToPath> items = app.config().entries().stream().filter(Config.Entry::file)
                .map(entry -> new KeyToPath(entry.key(), null, entry.key())).toList();
        if (items.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new VolumeBuilder().withName(Pods.volumeName("config", volumeNames))
                .withNewConfigMap().withName(name(app)).withItems(items).withDefaultMode(FILE_MODE).endConfigMap()
                .build());
    }

    /** Each file at exactly its path, read-only, from its key in the volume. */
    static List<VolumeMount> mounts(App app, String volumeName) {
        List<VolumeMount> mounts = new ArrayList<>();
        for (Config.Entry entry : app.config().entries()) {
            if (entry.file()) {
                mounts.add(new VolumeMountBuilder().withName(volumeName).withMountPath(entry.name())
                        .withSubPath(entry.key()).withReadOnly(true).build());
            }
        }
        return mounts;
    }

    /** Each config variable by reference to its key: the pod template names the ConfigMap, so a change rolls it. */
    static List<EnvVar> env(App app) {
        List<EnvVar> env = new ArrayList<>();
        for (Config.Entry entry : app.config().entries()) {
            if (!entry.file()) {
                env.add(new EnvVarBuilder().withName(entry.name())
                        .withNewValueFrom().withNewConfigMapKeyRef(entry.key(), name(app), null).endValueFrom()
                        .build());
            }
        }
        return env;
    }
}
