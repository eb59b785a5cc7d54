package dev.goldenpath.review;

/** The parts of a review, in the order a reviewer reads them. */
public enum Section {
    /** Connections the NetworkPolicies allow, evaluated by Kubernetes semantics. */
    NETWORK("network", "Network edges", "network edges"),
    /** What each subject (service account, user, group) may do in the API. */
    RBAC("rbac", "RBAC permissions", "RBAC permissions"),
    /** Declared weakenings of the secure defaults ({@code weakening.goldenpath.dev/<rule>}). */
    WEAKENINGS("weakenings", "Weakenings", "weakenings"),
    /** Pod Security Standards labels of namespaces. */
    POD_SECURITY("pod-security", "Pod Security levels", "Pod Security levels"),
    /** Container images of every pod template. */
    IMAGES("images", "Images", "images"),
    /** Secret, SealedSecret and ExternalSecret objects (keys only, never values). */
    SECRETS("secrets", "Secrets", "secrets"),
    /** Argo CD AppProjects: source repositories, destinations, allowed kinds. */
    PROJECTS("argocd-projects", "Argo CD projects", "Argo CD projects"),
    /** The cluster baseline under platform/: admission, signature, mesh and runtime policies. */
    BASELINE("baseline", "Baseline policies", "baseline policies");

    private final String id;
    private final String title;
    private final String inSentence;

    Section(String id, String title, String inSentence) {
        this.id = id;
        this.title = title;
        this.inSentence = inSentence;
    }

    /** The name in JSON and SARIF, e.g. {@code pod-security}. */
    public String id() {
        return id;
    }

    /** The heading in Markdown, e.g. {@code Pod Security levels}. */
    public String title() {
        return title;
    }

    /** The name within a sentence, e.g. {@code network edges} in the summary line. */
    public String inSentence() {
        return inSentence;
    }
}
