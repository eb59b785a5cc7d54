package dev.goldenpath.dsl;

/**
 * What the baseline's Trivy scan needs from each environment. The scan finds the images to scan by listing the
 * workloads that run, through the Kubernetes API, so that an app's image bump changes only the app's own files
 * (the scan's CronJob names no app image). Its NetworkPolicy must therefore allow egress to the API server, and that
 * needs the server's endpoint addresses, exactly as for an app with API permissions.
 */
final class TrivyRules {

    private TrivyRules() {
    }

    static void check(Platform platform, Problems problems) {
        if (!platform.baseline().trivy().enabled()) {
            return;
        }
        for (Environment environment : platform.environments()) {
            if (environment.apiServerCidrs().isEmpty()) {
                problems.add(ViolationCode.ENVIRONMENT_API_SERVER_MISSING,
                        FieldPath.environment(environment.name()).field("apiServer"), "(none)",
                        "the baseline's Trivy scan lists the workloads that run through the Kubernetes API, but environment "
                                + environment.name() + " does not say where the API server is, so no egress to it can be allowed",
                        "declare environment(\"" + environment.name() + "\").apiServer(6443, \"<endpoint CIDR>\"), "
                                + "or leave the scan out with baseline().withoutTrivy()");
            }
        }
    }
}
