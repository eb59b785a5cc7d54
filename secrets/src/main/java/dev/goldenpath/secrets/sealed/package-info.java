/**
 * Sealed Secrets: the upstream hybrid encryption (RSA-OAEP SHA-256 wrapping an AES-256-GCM session
 * key) with JDK crypto only, scopes, certificate loading and validation, repeatable sealing with a
 * caller-held {@link dev.goldenpath.secrets.sealed.SealingKey}, and the {@code bitnami.com/v1alpha1}
 * SealedSecret model.
 *
 * <pre>{@code
 * String value = Sealer.with(cert).seal(SecretValue.of(chars), Scope.strict("payments", "db-creds"));
 * }</pre>
 */
package dev.goldenpath.secrets.sealed;
