package dev.goldenpath.gitops;

import java.util.Arrays;

/** Line starts of the text, to turn an offset into a line number. */
final class LineStarts {
    private final int[] starts;

    LineStarts(String text) {
        int[] found = new int[16];
        int count = 0;
        found[count++] = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (count == found.length) {
                found = Arrays.copyOf(found, count * 2);
            }
            found[count++] = i + 1;
        }
        starts = Arrays.copyOf(found, count);
    }

    int count() {
        return starts.length;
    }

    int start(int index) {
        return starts[index];
    }

    /** 1-based line of an offset. */
    int lineOf(int offset) {
        int index = Arrays.binarySearch(starts, offset);
        return (index >= 0 ? index : -index - 2) + 1;
    }
}
