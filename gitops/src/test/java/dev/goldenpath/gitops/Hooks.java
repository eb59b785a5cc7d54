package dev.goldenpath.gitops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Server-side git hooks installed into a test's bare repository. */
public final class Hooks {

    private Hooks() {
    }

    /** A pre-receive hook that declines every push, printing {@code reason} as hosting policies do. */
    public static void declineWith(Path bareRepository, String reason) throws IOException {
        Path hook = bareRepository.resolve("hooks/pre-receive");
        Files.createDirectories(hook.getParent());
        Files.writeString(hook, "#!/bin/sh\necho '" + reason.replace("'", "'\\''") + "' >&2\nexit 1\n");
        if (!hook.toFile().setExecutable(true)) {
            throw new IOException("cannot make " + hook + " executable");
        }
    }
}
