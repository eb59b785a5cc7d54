/**
 * The command line: {@link dev.goldenpath.secrets.cli.Seal}, a kubeseal stand-in that runs on plain
 * {@code java}.
 *
 * <pre>
 * printf %s 's3cr3t' | java -cp ... dev.goldenpath.secrets.cli.Seal --cert pub-cert.pem --namespace payments --name db-creds
 * </pre>
 */
package dev.goldenpath.secrets.cli;
