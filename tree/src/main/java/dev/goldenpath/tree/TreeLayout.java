package dev.goldenpath.tree;

import java.util.Locale;
import java.util.Optional;

/**
 * The layout of a rendered GitOps tree: the one place that knows where each kind of file lives. Renderers build
 * their paths here, and readers (the Argo CD check, reviews, publishers) classify paths here, so moving a folder
 * is a change in this class only.
 *
 * <pre>
 * apps/&lt;environment&gt;/&lt;app&gt;/                  one app in one environment: its manifests + kustomization.yaml
 * argocd/&lt;environment&gt;/                       the AppProjects and ApplicationSets of the environment
 * platform/&lt;environment&gt;/                     cluster-wide objects of the environment, one kustomization
 *          namespaces/&lt;namespace&gt;/          a Namespace with its default-deny policies
 *          &lt;component&gt;/                      a baseline component (gatekeeper, kyverno, falco, ...)
 *          extensions/                       objects a platform team adds (Renderer.platformObjects)
 * docs/weakenings.md                         every declared weakening
 * docs/network/&lt;environment&gt;.md              the declared connection graph
 * </pre>
 *
 * <pre>{@code
 * String folder = TreeLayout.appFolder("production", "payments-api");      // apps/production/payments-api
 * String file = TreeLayout.file(folder, "Deployment", "payments-api");     // apps/production/payments-api/deployment.yaml
 * TreeLayout.environment(file);                                            // Optional[production]
 * }</pre>
 */
public final class TreeLayout {

    /** The top folder of the app folders. */
    public static final String APPS = "apps";
    /** The top folder of the Argo CD objects. */
    public static final String ARGOCD = "argocd";
    /** The top folder of the cluster-wide objects. */
    public static final String PLATFORM = "platform";
    /** The top folder of the Markdown pages rendered with the tree. */
    public static final String DOCS = "docs";
    /** The file that lists a folder's resources for {@code kubectl apply -k} and Argo CD. */
    public static final String KUSTOMIZATION = "kustomization.yaml";
    /** The page listing every declared weakening of the tree. */
    public static final String WEAKENINGS_PAGE = DOCS + "/weakenings.md";
    /** The platform subfolder of the namespaces. */
    static final String NAMESPACES = "namespaces";
    /** The platform subfolder of objects a platform team adds. */
    static final String EXTENSIONS = "extensions";

    private TreeLayout() {
    }

    /** {@code apps/<environment>}: the folder of an environment's app folders. */
    public static String appsFolder(String environment) {
        return APPS + "/" + segment(environment);
    }

    /** {@code apps/<environment>/<app>}: one app in one environment. */
    public static String appFolder(String environment, String app) {
        return appsFolder(environment) + "/" + segment(app);
    }

    /** {@code argocd/<environment>}: the Argo CD objects of an environment. */
    public static String argocdFolder(String environment) {
        return ARGOCD + "/" + segment(environment);
    }

    /** {@code platform/<environment>}: the cluster-wide objects of an environment, synced as one folder. */
    public static String platformFolder(String environment) {
        return PLATFORM + "/" + segment(environment);
    }

    /** {@code platform/<environment>/namespaces/<namespace>}: a namespace and its default policies. */
    public static String namespaceFolder(String environment, String namespace) {
        return platformFolder(environment) + "/" + NAMESPACES + "/" + segment(namespace);
    }

    /** {@code platform/<environment>/<component>}: a component of the cluster baseline. */
    public static String baselineFolder(String environment, String component) {
        return platformFolder(environment) + "/" + segment(component);
    }

    /** {@code platform/<environment>/extensions}: objects a platform team adds to the environment. */
    public static String extensionsFolder(String environment) {
        return baselineFolder(environment, EXTENSIONS);
    }

    /** {@code docs/network/<environment>.md}: the declared connection graph of an environment. */
    public static String networkDiagram(String environment) {
        return DOCS + "/network/" + segment(environment) + ".md";
    }

    /** {@code <folder>/kustomization.yaml}. */
    public static String kustomization(String folder) {
        return folder + "/" + KUSTOMIZATION;
    }

    /**
     * The file an object of this kind and name is written to in this folder: {@code <kind>.yaml} when the object is
     * named after its folder (an app's Deployment), else {@code <kind>-<name>.yaml}; the kind in lower case.
     */
    public static String file(String folder, String kind, String name) {
        String folderName = folder.substring(folder.lastIndexOf('/') + 1);
        String lowerKind = kind.toLowerCase(Locale.ROOT);
        return folder + "/" + (name.equals(folderName) ? lowerKind : lowerKind + "-" + name) + ".yaml";
    }

    /** The folder of a file ({@code a/b/c.yaml} is in {@code a/b}); empty for a file at the root. */
    public static String folderOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** Whether the path is a kustomization file. */
    public static boolean isKustomization(String path) {
        return path.equals(KUSTOMIZATION) || path.endsWith("/" + KUSTOMIZATION);
    }

    /** Whether the path is a manifest: a YAML file that is not a kustomization. */
    public static boolean isManifest(String path) {
        return path.endsWith(".yaml") && !isKustomization(path);
    }

    /** Whether the folder is an app folder ({@code apps/<environment>/<app>}). */
    public static boolean isAppFolder(String folder) {
        return folder.startsWith(APPS + "/") && slashes(folder) == 2;
    }

    /** Whether the folder is an environment's platform folder itself ({@code platform/<environment>}). */
    public static boolean isPlatformFolder(String folder) {
        return folder.startsWith(PLATFORM + "/") && slashes(folder) == 1;
    }

    /** Whether the path is inside an app folder. */
    public static boolean inApps(String path) {
        return path.startsWith(APPS + "/");
    }

    /** Whether the path is inside a platform folder. */
    public static boolean inPlatform(String path) {
        return path.startsWith(PLATFORM + "/");
    }

    /** Whether the path is inside an Argo CD folder. */
    public static boolean inArgocd(String path) {
        return path.startsWith(ARGOCD + "/");
    }

    /**
     * Whether the path belongs to this environment: below {@code apps/<environment>/}, {@code platform/<environment>/}
     * or {@code argocd/<environment>/}, or that folder itself.
     */
    public static boolean inEnvironment(String path, String environment) {
        return environment(path).filter(environment::equals).isPresent();
    }

    /** The environment a path belongs to: the second segment below {@code apps/}, {@code platform/} or {@code argocd/}. */
    public static Optional<String> environment(String path) {
        int first = path.indexOf('/');
        if (first < 0) {
            return Optional.empty();
        }
        String top = path.substring(0, first);
        if (!top.equals(APPS) && !top.equals(PLATFORM) && !top.equals(ARGOCD)) {
            return Optional.empty();
        }
        int second = path.indexOf('/', first + 1);
        String environment = second < 0 ? path.substring(first + 1) : path.substring(first + 1, second);
        return environment.isEmpty() ? Optional.empty() : Optional.of(environment);
    }

    /**
     * The parent folders of a platform subfolder that list it in their kustomization, nearest first, down to the
     * environment's platform folder: {@code platform/e/namespaces/n} is listed by {@code platform/e/namespaces},
     * which is listed by {@code platform/e}; so {@code kubectl apply -k} works at every level.
     */
    public static java.util.List<String> platformParents(String folder) {
        java.util.List<String> parents = new java.util.ArrayList<>();
        if (!inPlatform(folder)) {
            return parents;
        }
        String child = folder;
        while (slashes(child) > 1) {
            child = child.substring(0, child.lastIndexOf('/'));
            parents.add(child);
        }
        return parents;
    }

    private static int slashes(String path) {
        int count = 0;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                count++;
            }
        }
        return count;
    }

    // A name becomes one path segment: a '/' in it would move the file into another folder.
    private static String segment(String name) {
        if (name.isEmpty() || name.indexOf('/') >= 0 || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("'" + name + "' cannot be a folder name of the rendered tree");
        }
        return name;
    }
}
