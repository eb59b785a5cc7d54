package dev.goldenpath.dsl;

/**
 * A job that runs before each sync of its app's new version (an Argo CD hook), e.g. a schema migration. It runs as
 * the app runs: its service account, secrets, config and egress, with the app's image unless it names one.
 *
 * @param name              a DNS-1123 label, unique within the app
 * @param container         what it runs; an empty image means the app's image
 * @param resourcesDeclared whether it declares its own requests and limits (otherwise it gets the app's, per
 *                          environment)
 * @param run               retries, deadline and clean-up
 */
public record SyncJob(String name, Container container, boolean resourcesDeclared, Workload.JobRun run) {

    /**
     * The name of the Job and the {@code app.kubernetes.io/name} of its pods: {@code <app>-<job>}, e.g.
     * {@code ledger-migrate-schema}. It is distinct from the app's own name so that the app's Service, Deployment
     * selector and disruption budget never select the job's pods.
     */
    public String qualifiedName(String app) {
        return app + "-" + name;
    }
}
