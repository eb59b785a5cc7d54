package dev.goldenpath.pipeline;

import dev.goldenpath.gitops.GitOps;
import dev.goldenpath.gitops.PublishRequest;
import dev.goldenpath.gitops.PublishResult;
import dev.goldenpath.gitops.Publisher;
import dev.goldenpath.tree.RenderedTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;

/**
 * A checkout (a clone, or any folder) of a GitOps repository, and what publishing a rendered tree into it would
 * change. The answer is the publisher's own: the folder's files, working-tree edits included, become one commit of a
 * throwaway repository, and {@link Publisher#dryRun()} publishes the tree onto it. So ownership records, the
 * publisher id of a root and path conflicts follow exactly the rules a real publish follows.
 *
 * <pre>{@code
 * Changes changes = Checkout.at(Path.of("../gitops")).root("clusters/eu").changes(tree);
 * System.out.print(changes.status());   // "M apps/production/web/deployment.yaml"
 * }</pre>
 *
 * <p>A folder without this publisher's ownership record (a plain render, say) is compared as if the publisher
 * adopted the files at the paths it renders ({@link Publisher#adoptExistingFiles()}); nothing there counts as removed.
 */
public final class Checkout {

    private final Path folder;
    private final String root;
    private final String publisherId;

    private Checkout(Path folder, String root, String publisherId) {
        this.folder = folder;
        this.root = root;
        this.publisherId = publisherId;
    }

    /** The checkout in {@code folder}, the tree published at its root. */
    public static Checkout at(Path folder) {
        Objects.requireNonNull(folder, "folder");
        return new Checkout(folder, "", null);
    }

    /** The folder of the repository the tree is published under; default its root. */
    public Checkout root(String root) {
        return new Checkout(folder, Objects.requireNonNull(root, "root").strip().replaceAll("^/+|/+$", ""), publisherId);
    }

    /** Whose ownership record decides what is removed; default the one a publisher under the root uses. */
    public Checkout publisherId(String id) {
        return new Checkout(folder, root, id);
    }

    /** The folder the tree's paths are relative to: the checkout's root folder. */
    public Path base() {
        return root.isEmpty() ? folder : folder.resolve(root);
    }

    /**
     * What publishing {@code tree} would add, change and remove under the root.
     *
     * @throws IllegalArgumentException when the checkout is not a folder or the root is not a relative path
     * @throws dev.goldenpath.gitops.PublishException when a publish would fail, e.g. on a path another owns
     */
    public Changes changes(RenderedTree tree) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(folder + " is not a folder");
        }
        String id = publisherId != null ? publisherId : GitOps.defaultPublisherId(root);
        SortedMap<String, Path> files = TreeFolders.files(folder);
        try (Snapshot snapshot = Snapshot.of(files)) {
            Publisher publisher = GitOps.repository(snapshot.repository()).branch(Snapshot.BRANCH).root(root)
                    .publisherId(id).dryRun();
            if (!files.containsKey(".goldenpath/owned/" + id + ".txt")) {
                publisher = publisher.adoptExistingFiles();
            }
            PublishResult result = publisher.publish(tree, PublishRequest.message("goldenpath diff"));
            return new Changes(underRoot(result.added()), underRoot(result.changed()), underRoot(result.removed()));
        }
    }

    /** Root-relative paths; the ownership records outside the root are the publisher's bookkeeping, not the tree's. */
    private List<String> underRoot(List<String> paths) {
        String prefix = root.isEmpty() ? "" : root + "/";
        return paths.stream()
                .filter(path -> path.startsWith(prefix) && !path.startsWith(".goldenpath/"))
                .map(path -> path.substring(prefix.length()))
                .toList();
    }
}
