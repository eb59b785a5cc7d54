package dev.goldenpath.gitops;

import java.util.List;
import java.util.Map;

/**
 * The commit message of a publish: the request's subject, a body summarising what changed (listing up to
 * {@value #LISTED} files), and trailers naming the publisher and the source revision, which
 * {@code git interpret-trailers} and hosting UIs read from the last paragraph.
 */
final class CommitMessage {

    static final int LISTED = 20;

    private CommitMessage() {
    }

    static String of(PublishRequest request, String publisherId, String root, TreeOverlay overlay) {
        StringBuilder text = new StringBuilder(request.message()).append("\n\n");
        text.append(overlay.added.size()).append(" added, ").append(overlay.changed.size()).append(" changed, ")
                .append(overlay.removed.size()).append(" removed under ")
                .append(root.isEmpty() ? "the repository root" : root + "/").append('\n');
        int listed = 0;
        listed = list(text, 'A', overlay.added, listed);
        listed = list(text, 'M', overlay.changed, listed);
        listed = list(text, 'D', overlay.removed, listed);
        int total = overlay.added.size() + overlay.changed.size() + overlay.removed.size();
        if (total > listed) {
            text.append("... and ").append(total - listed).append(" more\n");
        }
        text.append('\n').append("Goldenpath-Publisher: ").append(publisherId).append('\n');
        request.sourceRevision().ifPresent(revision -> text.append("Source-Revision: ").append(revision).append('\n'));
        for (Map.Entry<String, String> trailer : request.trailers().entrySet()) {
            text.append(trailer.getKey()).append(": ").append(trailer.getValue()).append('\n');
        }
        return text.toString();
    }

    private static int list(StringBuilder text, char status, List<String> paths, int listed) {
        int count = listed;
        for (String path : paths) {
            if (count == LISTED) {
                return count;
            }
            text.append("  ").append(status).append(' ').append(path).append('\n');
            count++;
        }
        return count;
    }
}
