package dev.goldenpath.approvals;

import dev.goldenpath.tree.RenderedTree;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.approvaltests.approvers.FileApprover;
import org.approvaltests.core.VerifyResult;
import org.approvaltests.reporters.AutoApproveReporter;
import org.approvaltests.writers.ApprovalTextWriter;

/**
 * Approval snapshots of a rendered tree, one readable {@code .approved.yaml} per folder: every file of
 * {@code apps/production/frontend/} is approved together in {@code apps/production/frontend.approved.yaml}, each
 * document headed by its file name. A folder of related objects reviews better as one diff than as ten.
 *
 * <pre>{@code
 * @Test
 * void renderedPlatformIsApproved() {
 *     ManifestApprovals.in(Path.of("src/test/approved")).verify(Renderer.secureByDefault().render(spec).tree());
 * }
 * }</pre>
 *
 * <p>Values that legitimately differ between runs are scrubbed: SealedSecret ciphertext (everything under an
 * {@code encryptedData:} key). Approved files that no longer match any rendered folder fail the verification too,
 * so a removed app cannot leave a stale snapshot behind. Run with {@code -Dgoldenpath.approve=true} to accept the
 * current output as approved.
 */
public final class ManifestApprovals {

    /** System property that accepts the received output as approved. */
    public static final String APPROVE_PROPERTY = "goldenpath.approve";

    private final Path directory;

    private ManifestApprovals(Path directory) {
        this.directory = directory;
    }

    /** Approvals stored below this folder (usually {@code src/test/approved}). */
    public static ManifestApprovals in(Path directory) {
        return new ManifestApprovals(Objects.requireNonNull(directory, "directory"));
    }

    /**
     * Verifies every folder of the tree against its approved snapshot.
     *
     * @throws AssertionError listing every folder whose output differs, with a diff, and every stale snapshot
     */
    public void verify(RenderedTree tree) {
        verify(tree, System.out);
    }

    /** Like {@link #verify(RenderedTree)}, printing what an approve did to {@code log}. */
    void verify(RenderedTree tree, java.io.PrintStream log) {
        SortedMap<String, String> snapshots = snapshots(tree);
        boolean approve = Boolean.getBoolean(APPROVE_PROPERTY);
        List<String> created = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, String> snapshot : snapshots.entrySet()) {
            FolderNamer namer = new FolderNamer(directory, snapshot.getKey());
            File approved = namer.getApprovedFile(".yaml");
            File received = namer.getReceivedFile(".yaml");
            boolean isNew = !approved.isFile();
            String before = isNew ? "" : read(approved.toPath());
            // ApprovalTests' writer and comparison, without its one-verify-per-test tracker: one test
            // verifies every folder of a tree.
            approved.getParentFile().mkdirs();
            new ApprovalTextWriter(snapshot.getValue(), "yaml").writeReceivedFile(received);
            if (FileApprover.approveTextFile(received, approved) == VerifyResult.SUCCESS) {
                received.delete();
            } else if (approve) {
                new AutoApproveReporter().report(received.getPath(), approved.getPath());
                received.delete();
                log.println("goldenpath approvals: approved " + (isNew ? "new " : "changed ") + snapshot.getKey()
                        + " -> " + approved.getPath());
                (isNew ? created : changed).add(snapshot.getKey());
            } else if (isNew) {
                // A first run: nothing differs, there is nothing yet. Name the folder and its files, not every line.
                created.add(snapshot.getKey() + " (" + documents(snapshot.getValue()) + ") -> " + received.getPath());
            } else {
                changed.add(snapshot.getKey() + ":\n" + Diff.unified(before, snapshot.getValue()));
            }
        }
        List<String> stale = stale(snapshots);
        for (String file : stale) {
            if (approve) {
                delete(directory.resolve(file));
                log.println("goldenpath approvals: deleted " + directory.resolve(file) + " (nothing is rendered there any more)");
            }
        }
        if (approve) {
            log.println("goldenpath approvals: " + created.size() + " new, " + changed.size() + " changed, " + stale.size()
                    + " deleted snapshot(s) in " + directory + (created.isEmpty() && changed.isEmpty() && stale.isEmpty()
                    ? " (nothing to approve)" : "; commit them with the change"));
            return;
        }
        List<String> sections = new ArrayList<>();
        if (!changed.isEmpty()) {
            sections.add(changed.size() + " snapshot(s) differ from " + directory + " (review the .received.yaml files; "
                    + "approve with -D" + APPROVE_PROPERTY + "=true):\n\n" + String.join("\n", changed));
        }
        if (!created.isEmpty()) {
            sections.add(created.size() + " new snapshot(s), not approved yet (read the .received.yaml files, then "
                    + "approve with -D" + APPROVE_PROPERTY + "=true):\n  " + String.join("\n  ", created));
        }
        if (!stale.isEmpty()) {
            sections.add(stale.size() + " stale snapshot(s):\n  " + String.join("\n  ", stale.stream()
                    .map(f -> f + ": approved, but nothing was rendered there any more (approving deletes it)").toList()));
        }
        if (!sections.isEmpty()) {
            throw new AssertionError(String.join("\n\n", sections));
        }
    }

    /** {@code deployment.yaml, service.yaml}: the files of a folder snapshot. */
    private static String documents(String snapshot) {
        String[] lines = snapshot.split("\n", -1);
        List<String> names = new ArrayList<>();
        for (int k = 0; k < lines.length; k++) {
            if ((k == 0 || lines[k - 1].equals("---")) && lines[k].startsWith("# ")) {
                names.add(lines[k].substring(2));
            }
        }
        return String.join(", ", names);
    }

    /** The snapshot texts by folder: the documents of each folder, each headed by its file name, scrubbed. */
    public static SortedMap<String, String> snapshots(RenderedTree tree) {
        SortedMap<String, StringBuilder> folders = new TreeMap<>();
        tree.forEach((path, bytes) -> {
            int slash = path.lastIndexOf('/');
            String folder = slash < 0 ? "root" : path.substring(0, slash);
            StringBuilder text = folders.computeIfAbsent(folder, f -> new StringBuilder());
            if (text.length() > 0) {
                text.append("---\n");
            }
            text.append("# ").append(path.substring(slash + 1)).append('\n');
            String content = new String(bytes, StandardCharsets.UTF_8);
            text.append(Scrub.sealedCiphertext(content));
            if (!content.endsWith("\n")) {
                text.append('\n');
            }
        });
        SortedMap<String, String> snapshots = new TreeMap<>();
        folders.forEach((folder, text) -> snapshots.put(folder, text.toString()));
        return snapshots;
    }

    private List<String> stale(SortedMap<String, String> snapshots) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> directory.relativize(p).toString().replace(File.separatorChar, '/'))
                    .filter(p -> p.endsWith(".approved.yaml"))
                    .filter(p -> !snapshots.containsKey(p.substring(0, p.length() - ".approved.yaml".length())))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
