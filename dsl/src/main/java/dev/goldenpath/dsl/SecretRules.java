package dev.goldenpath.dsl;

import dev.goldenpath.vocabulary.NameSyntax;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The secrets an app declares: names and keys Kubernetes accepts, values from the right source for the backend
 * (sealed-secrets ciphertext or render-time sealing, or an external store), a value in every environment the app runs
 * in, and a mount or variable that uses them. Plaintext found elsewhere in the spec is {@link SecretValueRules}'.
 */
record SecretRules(Platform platform, Problems problems) {

    private static final Pattern SECRET_KEY = Pattern.compile("^[-._a-zA-Z0-9]{1,253}$");
    /** External Secrets Operator's refreshInterval: a Go duration in hours, minutes and seconds. */
    private static final Pattern DURATION = Pattern.compile("^([0-9]+(h|m|s))+$");

    /** Base64 of: 2-byte RSA block length, an RSA block of at least 2048 bits, and at least a GCM tag. */
    static boolean looksSealed(String base64) {
        try {
            byte[] bytes = java.util.Base64.getDecoder().decode(base64);
            if (bytes.length < 2) {
                return false;
            }
            int rsaLength = ((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff);
            return rsaLength >= 256 && bytes.length >= 2 + rsaLength + 16;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    void app(App app, FieldPath path) {
        Set<String> names = new HashSet<>();
        Set<String> mounts = MountPaths.beforeSecrets(app);
        Set<String> variables = new HashSet<>();
        app.container().env().forEach(e -> variables.add(e.name()));
        for (Secret secret : app.secrets()) {
            FieldPath secretPath = path.field("secrets").key(secret.name());
            declaration(secret, secretPath, names);
            Set<String> keys = keys(secret, secretPath);
            for (Environment environment : platform.environments()) {
                if (Instances.deployedIn(app, environment) && secret.backend() == Secret.Backend.SEALED) {
                    valueIn(environment, secret, secretPath, keys);
                }
            }
            store(secret, secretPath);
            use(secret, secretPath, mounts, variables);
        }
    }

    private void declaration(Secret secret, FieldPath path, Set<String> names) {
        if (!NameSyntax.isDns1123Subdomain(secret.name())) {
            problems.add(ViolationCode.SECRET_NAME_INVALID,
                    path.field("name"), secret.name(), "a Secret name must be a DNS-1123 subdomain", "use e.g. 'db-creds'");
        }
        if (!names.add(secret.name())) {
            problems.add(ViolationCode.SECRET_DUPLICATE,
                    path, secret.name(), "the secret is declared twice", "declare it once with all its keys");
        }
        if (secret.backend() == Secret.Backend.SEALED
                && secret.entries().stream().anyMatch(e -> e.source() instanceof Secret.Ciphertext)
                && secret.entries().stream().anyMatch(e -> !(e.source() instanceof Secret.Ciphertext))) {
            problems.add(ViolationCode.SECRET_MIXED_SOURCES,
                    path, secret.name(), "a sealed secret is either all ciphertext or all sealed at render time",
                    "split it into two secrets");
        }
        if (secret.entries().isEmpty()) {
            problems.add(ViolationCode.SECRET_NO_KEYS,
                    path, secret.name(), "a secret needs at least one key", "add a value source");
        }
    }

    /** Checks each key and returns them as {@code key@environment} ({@code *} for every environment). */
    private Set<String> keys(Secret secret, FieldPath path) {
        Set<String> keys = new HashSet<>();
        for (Secret.Entry entry : secret.entries()) {
            FieldPath entryPath = path.field("keys").key(entry.key());
            if (!SECRET_KEY.matcher(entry.key()).matches()) {
                problems.add(ViolationCode.SECRET_KEY_INVALID,
                        entryPath, entry.key(), "a Secret key may hold letters, digits, '-', '_' and '.'",
                        "use e.g. 'password'");
            }
            if (!keys.add(entry.key() + "@" + entry.environment().orElse("*"))) {
                problems.add(ViolationCode.SECRET_KEY_DUPLICATE,
                        entryPath, entry.key(), "the key is declared twice", "declare it once");
            }
            entry.environment().ifPresent(env -> {
                if (platform.environment(env).isEmpty()) {
                    problems.add(ViolationCode.ENVIRONMENT_UNKNOWN,
                            entryPath, env, "unknown environment", "use one of " + platform.environments().stream()
                            .map(Environment::name).toList());
                }
            });
            source(secret, entry, entryPath);
        }
        return keys;
    }

    private void source(Secret secret, Secret.Entry entry, FieldPath path) {
        Secret.Source source = entry.source();
        boolean external = secret.backend() == Secret.Backend.EXTERNAL;
        if (external != (source instanceof Secret.Remote)) {
            problems.add(ViolationCode.SECRET_SOURCE_WRONG_KIND, path, source.getClass().getSimpleName(),
                    external ? "an external secret's values come from its store"
                            : "a sealed secret's values are ciphertext or sealed at render time",
                    external ? "use .remote(key, storeKey, property)"
                            : "use .ciphertext(..), .fromEnvironment(..) or .fromFile(..)");
            return;
        }
        if (source instanceof Secret.Ciphertext ciphertext && !looksSealed(ciphertext.base64())) {
            // Never echo the value: it may be a plaintext secret pasted by mistake.
            problems.add(ViolationCode.SECRET_CIPHERTEXT_INVALID,
                    path, "<redacted>", "the value is not sealed-secrets ciphertext (base64 of a 2-byte length, an"
                            + " RSA-OAEP block of at least 256 bytes and AES-GCM data)",
                    "seal it with `goldenpath seal` or kubeseal --raw, or use .fromEnvironment(..) to seal at render time");
        } else if (source instanceof Secret.FromEnvironment fromEnv && !Names.ENV_VAR_NAME.matcher(fromEnv.variable()).matches()) {
            problems.add(ViolationCode.ENV_NAME_INVALID,
                    path, fromEnv.variable(), "not a valid environment variable name", "use e.g. DB_PASSWORD");
        } else if (source instanceof Secret.FromFile file && file.path().isBlank()) {
            problems.add(ViolationCode.SECRET_FILE_PATH_MISSING,
                    path, file.path(), "a file path is required", "point to a file outside the repository");
        } else if (source instanceof Secret.Remote remote && (remote.key().isBlank() || remote.property().isBlank())) {
            problems.add(ViolationCode.SECRET_REMOTE_REFERENCE_INCOMPLETE,
                    path, remote.key() + "#" + remote.property(), "a remote reference needs a key and a property",
                    "use e.g. .remote(\"password\", \"payments/db\", \"password\")");
        }
    }

    /** A sealed secret holds a value for each of its keys in every environment the app runs in. */
    private void valueIn(Environment environment, Secret secret, FieldPath path, Set<String> keys) {
        keys.stream().map(k -> k.substring(0, k.lastIndexOf('@'))).distinct().forEach(key -> {
            if (secret.entries().stream().noneMatch(e -> e.key().equals(key) && e.appliesIn(environment.name()))) {
                problems.add(ViolationCode.SECRET_VALUE_MISSING_IN_ENVIRONMENT,
                        path.field("keys").key(key), environment.name(),
                        "the key has no value for environment " + environment.name(),
                        "add .ciphertextIn(\"" + environment.name() + "\", \"" + key + "\", ...) or a render-time source");
            }
        });
    }

    private void store(Secret secret, FieldPath path) {
        if (secret.backend() == Secret.Backend.EXTERNAL) {
            if (secret.store().isEmpty()) {
                problems.add(ViolationCode.SECRET_STORE_MISSING,
                        path.field("store"), "none", "an external secret needs a secret store", "set .store(\"vault\")");
            } else if (platform.secretStore(secret.store().get()).isEmpty()) {
                problems.add(ViolationCode.SECRET_STORE_UNKNOWN,
                        path.field("store"), secret.store().get(), "unknown secret store",
                        "declare .secretStore(vault(\"" + secret.store().get() + "\", \"https://...\")) on the platform");
            }
            if (!DURATION.matcher(secret.refreshInterval()).matches()) {
                problems.add(ViolationCode.SECRET_REFRESH_INTERVAL_INVALID,
                        path.field("refreshInterval"), secret.refreshInterval(),
                        "a refresh interval is a duration in hours, minutes and seconds", "use e.g. 1h, 15m or 1h30m");
            }
        } else if (secret.store().isPresent()) {
            problems.add(ViolationCode.SECRET_STORE_ON_SEALED,
                    path.field("store"), secret.store().get(), "a sealed secret has no store",
                    "remove .store(...) or use external(...)");
        }
    }

    /** The secret is mounted at a free folder or read into variables that are not set otherwise. */
    private void use(Secret secret, FieldPath path, Set<String> mounts, Set<String> variables) {
        secret.mountPath().ifPresent(mount -> {
            if (!mount.startsWith("/") || mount.equals("/") || mount.contains("..") || mount.contains(":")) {
                problems.add(ViolationCode.SECRET_MOUNT_PATH_INVALID,
                        path.field("mountPath"), mount, "a mount path is an absolute folder other than '/'",
                        "use e.g. /etc/secrets/db");
            } else if (!mounts.add(mount)) {
                problems.add(ViolationCode.SECRET_MOUNT_PATH_TAKEN,
                        path.field("mountPath"), mount, "another volume is mounted at this path", "choose another path");
            }
        });
        for (Secret.EnvFromSecret variable : secret.env()) {
            FieldPath variablePath = path.field("env").key(variable.variable());
            if (!Names.ENV_VAR_NAME.matcher(variable.variable()).matches()) {
                problems.add(ViolationCode.ENV_NAME_INVALID,
                        variablePath, variable.variable(), "not a valid environment variable name", "use e.g. DB_PASSWORD");
            } else if (!variables.add(variable.variable())) {
                problems.add(ViolationCode.ENV_DUPLICATE,
                        variablePath, variable.variable(), "the variable is set twice", "set it once");
            }
            if (secret.entries().stream().noneMatch(e -> e.key().equals(variable.key()))) {
                problems.add(ViolationCode.SECRET_KEY_UNKNOWN,
                        variablePath, variable.key(), "the secret has no such key", "use one of its keys");
            }
        }
        if (secret.mountPath().isEmpty() && secret.env().isEmpty()) {
            problems.add(ViolationCode.SECRET_UNUSED,
                    path, secret.name(), "the secret is neither mounted nor read into a variable",
                    "add .mountAt(\"/etc/...\") or .env(\"VAR\", \"key\")");
        }
    }
}
