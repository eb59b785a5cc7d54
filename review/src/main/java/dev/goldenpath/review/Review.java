package dev.goldenpath.review;

import dev.goldenpath.tree.RenderedTree;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The security meaning of a change between two rendered trees: the connections the NetworkPolicies allow, RBAC
 * permissions per subject, declared weakenings, Pod Security levels of namespaces, images, secrets, Argo CD projects
 * and baseline policies, each added, removed or changed. Unchanged things are not listed. Everything is read from
 * the YAML alone, so hand-edited and extra objects count.
 *
 * <pre>{@code
 * RenderedTree base = BaseTree.gitRevision(Path.of("gitops"), "origin/main", "");
 * RenderedTree head = Renderer.secureByDefault().render(platform).tree();
 * Review review = Review.between(base, head);
 * System.out.println(review.format(ReviewFormat.MARKDOWN));     // for the pull request
 * if (!review.violations(FailOn.parse(List.of("new-weakening,cluster-permission"))).isEmpty()) { ... }
 * }</pre>
 */
public final class Review {

    /** What a review of two trees without a security-relevant difference says. */
    public static final String NOTHING = "no security-relevant change";

    private final List<Change> changes;

    private Review(List<Change> changes) {
        this.changes = List.copyOf(changes);
    }

    /**
     * Reviews the change from {@code base} (what is deployed, e.g. the GitOps repository at the target branch) to
     * {@code head} (the new render).
     *
     * @throws ReviewException listing every problem of either tree: invalid YAML, NetworkPolicies the API server
     *                         would reject, workloads with invalid ports
     */
    public static Review between(RenderedTree base, RenderedTree head) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(head, "head");
        List<String> problems = new ArrayList<>();
        List<String> headProblems = new ArrayList<>();
        Inventory headObjects = read(head, "head", null, headProblems);
        List<Manifest> before = objects(read(base, "base", headObjects, problems));
        List<Manifest> after = objects(headObjects);
        problems.addAll(headProblems);
        if (!problems.isEmpty()) {
            throw new ReviewException(problems);
        }
        List<Change> changes = new ArrayList<>(NetworkReview.between(byEnvironment(before), byEnvironment(after), problems));
        if (!problems.isEmpty()) {
            throw new ReviewException(problems);
        }
        changes.addAll(RbacReview.between(byEnvironment(before), byEnvironment(after)));
        changes.addAll(WeakeningReview.between(before, after));
        changes.addAll(PodSecurityReview.between(before, after));
        changes.addAll(ImageReview.between(before, after));
        changes.addAll(SecretReview.between(before, after));
        changes.addAll(ProjectReview.between(before, after));
        changes.addAll(BaselineReview.between(before, after));
        Collections.sort(changes);
        return new Review(changes);
    }

    private static Inventory read(RenderedTree tree, String side, Inventory known, List<String> problems) {
        try {
            return Inventory.of(tree, side, known);
        } catch (ReviewException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    private static List<Manifest> objects(Inventory inventory) {
        return inventory == null ? List.of() : inventory.all();
    }

    private static Map<String, List<Manifest>> byEnvironment(List<Manifest> objects) {
        Map<String, List<Manifest>> grouped = new TreeMap<>();
        for (Manifest manifest : objects) {
            grouped.computeIfAbsent(manifest.environment(), key -> new ArrayList<>()).add(manifest);
        }
        return grouped;
    }

    /** Every change, ordered by section, environment and subject. */
    public List<Change> changes() {
        return changes;
    }

    /** True when nothing security-relevant changed. */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The changes of each section that has any, in section order. */
    public Map<Section, List<Change>> bySection() {
        Map<Section, List<Change>> sections = new EnumMap<>(Section.class);
        for (Change change : changes) {
            sections.computeIfAbsent(change.section(), key -> new ArrayList<>()).add(change);
        }
        return sections;
    }

    /**
     * One line: {@value #NOTHING}, or how many changes, how many widen, and per section, e.g.
     * {@code 2 security-relevant changes (1 widens, 1 narrows): network edges 1, weakenings 1}.
     */
    public String summary() {
        if (changes.isEmpty()) {
            return NOTHING;
        }
        Map<Impact, Integer> impacts = new EnumMap<>(Impact.class);
        changes.forEach(change -> impacts.merge(change.impact(), 1, Integer::sum));
        List<String> counts = new ArrayList<>();
        counts.add(impacts.getOrDefault(Impact.WIDENS, 0) + " widen" + (impacts.getOrDefault(Impact.WIDENS, 0) == 1 ? "s" : ""));
        counts.add(impacts.getOrDefault(Impact.NARROWS, 0) + " narrow" + (impacts.getOrDefault(Impact.NARROWS, 0) == 1 ? "s" : ""));
        counts.add(impacts.getOrDefault(Impact.REVIEW, 0) + " to review");
        List<String> sections = new ArrayList<>();
        bySection().forEach((section, list) -> sections.add(section.inSentence() + " " + list.size()));
        return changes.size() + " security-relevant change" + (changes.size() == 1 ? "" : "s") + " ("
                + String.join(", ", counts) + "): " + String.join(", ", sections);
    }

    /** The changes that {@code policy} fails on; empty when the build may pass. */
    public List<Change> violations(Collection<FailOn> policy) {
        Set<FailOn> values = Set.copyOf(policy);
        return changes.stream().filter(change -> values.stream().anyMatch(value -> value.matches(change))).toList();
    }

    /** The review as Markdown, JSON or SARIF; deterministic for the same trees. */
    public String format(ReviewFormat format) {
        return switch (format) {
            case MARKDOWN -> MarkdownFormat.write(this);
            case JSON -> JsonFormat.write(this);
            case SARIF -> SarifFormat.write(this);
        };
    }

    @Override
    public String toString() {
        return summary();
    }
}
