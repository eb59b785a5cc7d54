package dev.goldenpath.maven;

import java.util.List;
import java.util.function.Consumer;

/**
 * The A/M/D lines of a publish, as the command line prints them: the first {@value #SHOWN}, then how many more. A
 * first publish of a real platform adds hundreds of files; the commit itself lists them all.
 */
final class FileList {

    static final int SHOWN = 20;

    private FileList() {
    }

    static void log(String diff, Consumer<String> log) {
        List<String> lines = diff.lines().filter(l -> !l.isEmpty()).toList();
        lines.stream().limit(SHOWN).forEach(log);
        if (lines.size() > SHOWN) {
            log.accept("… and " + (lines.size() - SHOWN) + " more (git show --stat lists every file of the commit)");
        }
    }

    /** {@code 1 file}, {@code 2 files}. */
    static String files(int count) {
        return count + (count == 1 ? " file" : " files");
    }
}
