package dev.goldenpath.reachability;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Shared wording for problems found while building a {@link Reachability}. */
final class Problems {

    private Problems() {
    }

    /**
     * Jackson puts fields the fabric8 model does not know into additionalProperties; in a policy parsed
     * from YAML that is almost always a typo ({@code namespaceSelecter}) that would silently widen or
     * narrow what the policy allows, so it is reported rather than ignored.
     */
    static void unknownFields(Map<String, Object> additional, Where path, List<String> problems) {
        if (additional != null && !additional.isEmpty()) {
            problems.add(path + ": unknown field(s) " + new TreeSet<>(additional.keySet()));
        }
    }
}
