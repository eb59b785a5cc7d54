package dev.goldenpath.dsl;

import java.util.List;

/**
 * An app's configuration that is not secret: files mounted read-only and variables read from config.
 *
 * @param files     files by mount path
 * @param variables environment variables from the app's config
 */
public record Config(List<ConfigFile> files, List<EnvVar> variables) {

    public Config {
        files = Copies.list(files);
        variables = Copies.list(variables);
    }
}
