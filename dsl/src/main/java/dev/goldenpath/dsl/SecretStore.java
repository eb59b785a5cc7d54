package dev.goldenpath.dsl;

/**
 * A HashiCorp Vault key-value store the External Secrets Operator reads from, logging in with Kubernetes auth as
 * each app's own ServiceAccount, so that Vault policies can be written per app.
 *
 * @param name      how apps refer to the store
 * @param server    the Vault address, {@code https://...}
 * @param path      the KV mount, e.g. {@code secret}
 * @param kvVersion 1 or 2
 * @param authMount the Kubernetes auth mount path in Vault, e.g. {@code kubernetes}
 * @param role      the Vault role apps log in with
 */
public record SecretStore(String name, String server, String path, int kvVersion, String authMount, String role) {

    /** The same store with another KV mount and version. */
    public SecretStore kv(String mountPath, int version) {
        return new SecretStore(name, server, mountPath, version, authMount, role);
    }

    /** The same store with another Kubernetes auth mount and role. */
    public SecretStore kubernetesAuth(String mountPath, String vaultRole) {
        return new SecretStore(name, server, path, kvVersion, mountPath, vaultRole);
    }
}
