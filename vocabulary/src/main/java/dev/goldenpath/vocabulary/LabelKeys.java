package dev.goldenpath.vocabulary;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The label keys every rendered object of an app carries, defined once. Kubernetes' recommended labels
 * ({@code app.kubernetes.io/*}, "Recommended Labels" in the Kubernetes documentation) let tools group objects;
 * {@code owner}, {@code environment} and {@code app} are the labels the platform's admission policy and the linter's
 * {@code required-labels} rule require. An app may not set any of them itself: the DSL refuses them as
 * {@link #RESERVED}.
 *
 * <pre>{@code
 * Map<String, String> labels = LabelKeys.recommended("payments-api", "acme");
 * // {app.kubernetes.io/managed-by=goldenpath, app.kubernetes.io/name=payments-api, app.kubernetes.io/part-of=acme}
 * }</pre>
 */
public final class LabelKeys {

    /** The label that selects an app's pods: stable for the app's whole life, because selectors are immutable. */
    public static final String NAME = "app.kubernetes.io/name";
    /** A unique name of the instance (the generators leave it to tools such as Argo CD and Helm). */
    public static final String INSTANCE = "app.kubernetes.io/instance";
    /** The platform an object belongs to. */
    public static final String PART_OF = "app.kubernetes.io/part-of";
    /** The tool that manages the object: always {@link #MANAGER}. */
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    /** The app's version: its image tag, when that is a valid label value. */
    public static final String VERSION = "app.kubernetes.io/version";
    /** The owning team (required label). */
    public static final String OWNER = "owner";
    /** The environment (required label). */
    public static final String ENVIRONMENT = "environment";
    /** The app (required label). */
    public static final String APP = "app";
    /** The value of {@link #MANAGED_BY}. */
    public static final String MANAGER = "goldenpath";

    /** The labels the platform's admission policy and the linter's {@code required-labels} rule require. */
    public static final List<String> REQUIRED = List.of(OWNER, ENVIRONMENT, APP);
    /** Every label key goldenpath sets or reserves: an app's own labels must not override one. */
    public static final List<String> RESERVED = List.of(NAME, INSTANCE, PART_OF, MANAGED_BY, VERSION, OWNER,
            ENVIRONMENT, APP);

    private LabelKeys() {
    }

    /** The recommended labels of every object goldenpath renders for a platform: part-of and managed-by. */
    public static Map<String, String> managed(String platform) {
        Map<String, String> labels = new TreeMap<>();
        labels.put(PART_OF, platform);
        labels.put(MANAGED_BY, MANAGER);
        return labels;
    }

    /** The recommended labels of an object of this app on this platform: name, part-of and managed-by. */
    public static Map<String, String> recommended(String app, String platform) {
        Map<String, String> labels = managed(platform);
        labels.put(NAME, app);
        return labels;
    }
}
