package dev.goldenpath.dsl;

/**
 * A job that runs before each sync of its app's new version (an Argo CD PreSync hook), e.g. a schema migration. It
 * runs as the app runs: its service account, secrets, config and egress, with the app's image unless it names one.
 *
 * @param name      a DNS-1123 label, unique within the app
 * @param container what it runs; an empty image means the app's image
 * @param run       retries, deadline and clean-up
 */
public record SyncJob(String name, Container container, Workload.JobRun run) {
}
