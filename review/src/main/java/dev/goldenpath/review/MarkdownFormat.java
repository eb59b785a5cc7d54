package dev.goldenpath.review;

import java.util.List;
import java.util.Map;

/**
 * Markdown for a pull-request comment: a heading, the summary line and a table of sections first, then each section
 * folded in a {@code <details>} block whose lines are a {@code diff} code block (GitHub and GitLab colour {@code +}
 * green and {@code -} red).
 */
final class MarkdownFormat {

    static final String HEADING = "### goldenpath security review";

    private MarkdownFormat() {
    }

    static String write(Review review) {
        StringBuilder out = new StringBuilder();
        out.append(HEADING).append("\n\n");
        if (review.isEmpty()) {
            out.append("**").append(Review.NOTHING).append("**\n");
            return out.toString();
        }
        out.append("**").append(review.summary()).append("**\n\n");
        out.append("| section | added | removed | changed | widen |\n|---|---:|---:|---:|---:|\n");
        Map<Section, List<Change>> sections = review.bySection();
        sections.forEach((section, changes) -> out.append("| ").append(section.title())
                .append(" | ").append(count(changes, '+')).append(" | ").append(count(changes, '-'))
                .append(" | ").append(count(changes, '!'))
                .append(" | ").append(changes.stream().filter(c -> c.impact() == Impact.WIDENS).count()).append(" |\n"));
        sections.forEach((section, changes) -> {
            out.append("\n<details><summary>").append(section.title()).append(" (").append(changes.size())
                    .append(")</summary>\n\n```diff\n");
            changes.forEach(change -> out.append(safe(change.line())).append('\n'));
            out.append("```\n\n</details>\n");
        });
        return out.toString();
    }

    private static long count(List<Change> changes, char sign) {
        return changes.stream().filter(change -> change.sign() == sign).count();
    }

    /** Text from the trees (a weakening's reason) must not close the code block. */
    private static String safe(String line) {
        return line.replace("```", "'''");
    }
}
