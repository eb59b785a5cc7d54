package dev.goldenpath.review;

import dev.goldenpath.tree.RenderedTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * Reads the tree a review starts from: a folder, or the GitOps repository at a revision. A revision is read from
 * the object database (no checkout); a remote repository is cloned bare into a temporary folder first, and the
 * folder is deleted afterwards.
 *
 * <pre>{@code
 * RenderedTree base = BaseTree.read("../gitops@origin/main", "");        // a clone at a revision
 * RenderedTree base = BaseTree.read("https://git.example.com/acme/gitops.git@main", "clusters/acme");
 * RenderedTree base = BaseTree.folder(Path.of("target/previous"));
 * }</pre>
 */
public final class BaseTree {

    private BaseTree() {
    }

    /**
     * Reads {@code location[@revision]}: a folder (with a revision: a git repository, working copy or bare, read at
     * that revision) or a repository URL (cloned; revision default HEAD). Only files below {@code root} are read, with
     * paths relative to it.
     *
     * @throws ReviewException when the location, repository or revision cannot be read
     */
    public static RenderedTree read(String locationAndRevision, String root) {
        String location = locationAndRevision;
        String revision = null;
        int at = locationAndRevision.lastIndexOf('@');
        // "git@host:org/repo.git" is an SSH location, not a revision: a revision never holds ':'.
        if (at > 0 && !locationAndRevision.substring(at + 1).contains(":") && at < locationAndRevision.length() - 1) {
            location = locationAndRevision.substring(0, at);
            revision = locationAndRevision.substring(at + 1);
        }
        boolean remote = location.contains("://") || location.matches("[^/]+@[^/:]+:.*");
        if (!remote) {
            Path local = Path.of(location);
            if (!Files.isDirectory(local)) {
                throw new ReviewException(List.of("base " + location + ": neither a folder nor a repository URL"));
            }
            return revision == null ? folder(local.resolve(clean(root))) : gitRevision(local, revision, root);
        }
        return cloneAndRead(location, revision == null ? "HEAD" : revision, root);
    }

    /** Every file below {@code folder} (skipping {@code .git}), by '/'-separated relative path. */
    public static RenderedTree folder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new ReviewException(List.of("base " + folder + ": not a folder"));
        }
        RenderedTree.Builder tree = RenderedTree.builder();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String relative = folder.relativize(file).toString().replace('\\', '/');
                if (!relative.equals(".git") && !relative.startsWith(".git/")) {
                    tree.add(relative, Files.readAllBytes(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + folder, e);
        }
        return tree.build();
    }

    /**
     * The files below {@code root} of {@code revision} (a branch, tag, commit or expression such as
     * {@code origin/main~1}) in the repository at {@code repository} (a working copy or a bare repository).
     */
    public static RenderedTree gitRevision(Path repository, String revision, String root) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
        Path dotGit = repository.resolve(".git");
        builder = Files.isDirectory(dotGit) ? builder.setGitDir(dotGit.toFile()) : builder.setGitDir(repository.toFile());
        try (Repository git = builder.build()) {
            return readRevision(git, revision, root, repository.toString());
        } catch (RepositoryNotFoundException e) {
            throw new ReviewException(List.of("base " + repository + ": not a git repository"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + repository, e);
        }
    }

    private static RenderedTree cloneAndRead(String uri, String revision, String root) {
        Path temporary;
        try {
            temporary = Files.createTempDirectory("goldenpath-review-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary folder", e);
        }
        try (Git git = Git.cloneRepository().setURI(uri).setBare(true).setCloneAllBranches(true)
                .setDirectory(temporary.toFile()).call()) {
            return readRevision(git.getRepository(), revision, root, uri);
        } catch (GitAPIException e) {
            throw new ReviewException(List.of("base " + uri + ": could not clone: " + e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + uri, e);
        } finally {
            delete(temporary);
        }
    }

    private static RenderedTree readRevision(Repository repository, String revision, String root, String where)
            throws IOException {
        ObjectId tree = repository.resolve(revision + "^{tree}");
        if (tree == null && !revision.contains("/")) {
            tree = repository.resolve("origin/" + revision + "^{tree}");
        }
        if (tree == null) {
            throw new ReviewException(List.of("base " + where + ": revision '" + revision + "' not found"));
        }
        String prefix = clean(root);
        RenderedTree.Builder files = RenderedTree.builder();
        try (TreeWalk walk = new TreeWalk(repository)) {
            walk.addTree(tree);
            walk.setRecursive(true);
            if (!prefix.isEmpty()) {
                walk.setFilter(PathFilter.create(prefix));
            }
            while (walk.next()) {
                String path = walk.getPathString();
                String relative = prefix.isEmpty() ? path : path.substring(prefix.length() + 1);
                files.add(relative, repository.open(walk.getObjectId(0)).getBytes());
            }
        }
        return files.build();
    }

    private static String clean(String root) {
        return root == null ? "" : root.strip().replaceAll("^/+|/+$", "");
    }

    private static void delete(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a leftover temporary folder is not worth failing the review for
        }
    }
}
