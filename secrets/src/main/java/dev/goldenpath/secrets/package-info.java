/**
 * Secrets without plaintext in git: {@link dev.goldenpath.secrets.SecretValue} for plaintext on its
 * way to being sealed, {@code sealed} for Sealed Secrets the controller decrypts, {@code external} for
 * External Secrets Operator resources. No cluster client and no command line: the certificate fetch is
 * {@code goldenpath-pipeline}'s {@code ClusterCertificate}, the command line {@code goldenpath seal}.
 *
 * <pre>{@code
 * Sealer sealer = Sealer.with(SealingCertificate.fromPemFile(Path.of("pub-cert.pem")))
 *         .deterministic(SealingKey.fromEnv("GOLDENPATH_SEALING_KEY"));
 * SealedSecret secret = sealer.secret("payments", "db-creds").value("password", SecretValue.of(chars)).seal();
 * }</pre>
 *
 * See {@code docs/secrets.md}.
 */
package dev.goldenpath.secrets;
