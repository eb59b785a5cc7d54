package dev.goldenpath.lint;

import dev.goldenpath.vocabulary.RuleId;

/**
 * Where a cross-object rule would report on an object, taken while the object's tree is at hand: whether the rule
 * fires is known only once the whole input is read, and by then the tree is gone (the linter streams documents).
 * Holds what {@link Reporter} would have read from the object: its location, the line of the field, and the
 * weakening annotation for this rule.
 *
 * @param file            the object's file
 * @param documentIndex   the object's document
 * @param object          the object as findings show it ({@link KubeObject#display()})
 * @param path            the field the finding would point at
 * @param line            that field's line (or its nearest present parent's, or the document's)
 * @param weakeningReason the reason of the object's weakening of the rule, or an empty string
 */
record Site(String file, int documentIndex, String object, String path, int line, String weakeningReason) {

    /** The site of {@code ruleId} on {@code object} at {@code path}. */
    static Site of(KubeObject object, RuleId ruleId, String path) {
        return new Site(object.manifest.file(), object.manifest.documentIndex(), object.display(), path,
                object.lines.lineOf(path),
                Weakenings.reason(ruleId, object.metadata, object.pod == null ? null : object.pod.metadata));
    }
}
