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
            "Run 'goldenpath seal --help' for its options.",
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
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            return help(console);
        }
        int exit = Seal.run(args, console.in(), console.out(), console.err(), console.env());
        // Seal's own codes are 0, 1 (failed) and 2 (usage); a failure to seal is "could not do the work".
        return exit == 1 ? Goldenpath.FAILED : exit;
    }

    /**
     * The secrets module's option list, framed like every other command's help (header, {@code Usage: goldenpath
     * seal}, exit codes), so that {@code seal --help} does not read like another program.
     */
    static int help(Console console) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream capture = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8);
        Seal.run(new String[] {"--help"}, console.in(), capture, capture, console.env());
        List<String> options = bytes.toString(java.nio.charset.StandardCharsets.UTF_8).lines()
                .filter(line -> !line.startsWith("Usage:"))
                .map(line -> line.replace(" (see docs/secrets.md)", ""))
                .dropWhile(String::isBlank)
                .toList();
        java.io.PrintStream out = console.out();
        out.println("Seal a value or a Secret for the sealed-secrets controller.");
        out.println("Usage: goldenpath seal [--secret | --fetch-cert | --generate-sealing-key] [OPTIONS]");
        out.println();
        out.println("kubeseal without Go: reads the value (or the Secret) from standard input, prints the ciphertext");
        out.println("(or the SealedSecret) on standard output.");
        out.println();
        options.forEach(out::println);
        out.println();
        out.println("Exit codes:");
        out.println("  0   sealed");
        out.println("  2   usage error");
        out.println("  3   the value could not be sealed: certificate, cluster or input problem");
        out.flush();
        return Goldenpath.OK;
    }
}
