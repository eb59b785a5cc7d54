/**
 * External Secrets Operator resources ({@code external-secrets.io/v1}): SecretStore and
 * ClusterSecretStore with the Vault provider and Kubernetes authentication, and ExternalSecret.
 *
 * <pre>{@code
 * ExternalSecret db = ExternalSecret.builder("payments", "db-creds")
 *         .store(SecretStoreRef.secretStore("vault"))
 *         .data("password", RemoteRef.of("payments/db", "password"))
 *         .build();
 * }</pre>
 */
package dev.goldenpath.secrets.external;
