package dev.goldenpath.lint;

/** Finds the line of a field of one object; falls back to the document's first line. */
interface LineIndex {

    /** The 1-based line of the field at {@code path}, of its nearest present parent, or of the document. */
    int lineOf(String path);

    /** An index that knows only where the document starts (objects handed over as trees). */
    static LineIndex document(int line) {
        return path -> line;
    }
}
