package dev.goldenpath.gitops;

import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a publish did: the commit it pushed (or that there was nothing to commit), the files it added,
 * changed and removed, how many bytes of file content it wrote and how many times it had to retry because
 * the branch moved. A dry run fills in the same figures without committing.
 *
 * <pre>{@code
 * PublishResult result = publisher.publish(tree, "payments-api 1.4.2");
 * if (result.nothingToCommit()) { ... }
 * System.out.println(result.summary());   // "abc1234 on main: 1 added, 2 changed, 0 removed (4 KiB), 0 retries"
 * }</pre>
 */
public final class PublishResult {

    private final String branch;
    private final String commitId;
    private final String parentId;
    private final boolean dryRun;
    private final boolean changesTree;
    private final List<String> added;
    private final List<String> changed;
    private final List<String> removed;
    private final long bytes;
    private final int retries;

    PublishResult(String branch, String commitId, String parentId, boolean dryRun, boolean changesTree,
            List<String> added,
            List<String> changed, List<String> removed, long bytes, int retries) {
        this.branch = branch;
        this.commitId = commitId;
        this.parentId = parentId;
        this.dryRun = dryRun;
        this.changesTree = changesTree;
        this.added = List.copyOf(added);
        this.changed = List.copyOf(changed);
        this.removed = List.copyOf(removed);
        this.bytes = bytes;
        this.retries = retries;
    }

    /** The id of the commit pushed; empty when there was nothing to commit or this was a dry run. */
    public Optional<String> commitId() {
        return Optional.ofNullable(commitId);
    }

    /** The commit the new one was built on; empty when the branch did not exist before. */
    public Optional<String> parentId() {
        return Optional.ofNullable(parentId);
    }

    /** True when the branch already held exactly this tree, so no commit was (or, in a dry run, would be) made. */
    public boolean nothingToCommit() {
        return !changesTree;
    }

    /** True when this result only reports what a publish would do. */
    public boolean dryRun() {
        return dryRun;
    }

    /** The branch the commit went to (the change branch in pull-request mode). */
    public String branch() {
        return branch;
    }

    /** Repository-relative paths of files that did not exist before, sorted. */
    public List<String> added() {
        return added;
    }

    /** Repository-relative paths of files whose content changed, sorted. */
    public List<String> changed() {
        return changed;
    }

    /** Repository-relative paths of files this publisher owned and no longer renders, sorted. */
    public List<String> removed() {
        return removed;
    }

    /** Bytes of file content written: the sizes of the added and changed files. */
    public long bytes() {
        return bytes;
    }

    /** How many times the publish was rebuilt on a moved branch and tried again. */
    public int retries() {
        return retries;
    }

    /** The change as {@code git status --short} would list it: one {@code A}, {@code M} or {@code D} line per file. */
    public String diff() {
        StringBuilder diff = new StringBuilder();
        TreeMap<String, Character> all = new TreeMap<>();
        added.forEach(path -> all.put(path, 'A'));
        changed.forEach(path -> all.put(path, 'M'));
        removed.forEach(path -> all.put(path, 'D'));
        all.forEach((path, status) -> diff.append(status).append(' ').append(path).append('\n'));
        return diff.toString();
    }

    /** One line for logs, e.g. {@code 1a2b3c4 on main: 1 added, 2 changed, 0 removed (4096 bytes), 0 retries}. */
    public String summary() {
        String what = dryRun ? "dry run on " + branch
                : !changesTree ? "nothing to commit on " + branch
                : commitId.substring(0, 12) + " on " + branch;
        return what + ": " + added.size() + " added, " + changed.size() + " changed, " + removed.size()
                + " removed (" + bytes + " bytes), " + retries + (retries == 1 ? " retry" : " retries");
    }

    @Override
    public String toString() {
        return "PublishResult[" + summary() + "]";
    }
}
