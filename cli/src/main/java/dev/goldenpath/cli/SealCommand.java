package dev.goldenpath.cli;

import dev.goldenpath.secrets.cli.Seal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code goldenpath seal}: the secrets module's kubeseal-like command, unchanged. Its arguments are handed over
 * as they are (see {@code goldenpath seal --help} and docs/secrets.md).
 */
@Command(name = "seal", usageHelpAutoWidth = true,
        header = "Seal a value or a Secret for the sealed-secrets controller.",
        description = {
            "kubeseal without Go, e.g.:%n"
                + "  goldenpath seal --cert pub-cert.pem --namespace payments --name db-creds < password.txt%n"
                + "  goldenpath seal --secret --cert pub-cert.pem < secret.yaml > sealed-secret.yaml",
            "",
            "Run 'goldenpath seal --help' for its options; docs/secrets.md explains the workflow.",
        })
final class SealCommand implements Callable<Integer> {

    private final Console console;

    @Unmatched
    List<String> args = new ArrayList<>();

    SealCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        return seal(args.toArray(String[]::new), console);
    }

    static int seal(String[] args, Console console) {
        int exit = Seal.run(args, console.in(), console.out(), console.err(), console.env());
        // Seal's own codes are 0, 1 (failed) and 2 (usage); a failure to seal is "could not do the work".
        return exit == 1 ? Goldenpath.FAILED : exit;
    }
}
