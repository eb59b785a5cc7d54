package dev.goldenpath.lint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goldenpath.vocabulary.RuleId;

/**
 * CIS 5.1.6: mount service account tokens only where the workload calls the API. Whether it does is known from the
 * whole input (a RoleBinding granting the account permissions, the ServiceAccount turning mounting off), so each
 * pod's setting is taken while its object is read ({@link #of}) and judged once the input is complete
 * ({@link #check}).
 */
final class TokenMounts {

    private TokenMounts() {
    }

    /**
     * A pod that mounts the token of {@code serviceAccount} unless the input says otherwise.
     *
     * @param accountDecides whether the pod leaves the setting to its ServiceAccount (it does not set it)
     */
    record Mount(String namespace, String serviceAccount, boolean accountDecides, Site site) {
    }

    /** The pod's token mount, or {@code null} when the pod turns it off itself. */
    static Mount of(KubeObject workload) {
        JsonNode spec = workload.pod.spec;
        JsonNode podSetting = spec.get("automountServiceAccountToken");
        if (Json.isFalse(podSetting)) {
            return null;
        }
        String serviceAccount = Json.text(spec.path("serviceAccountName"));
        if (serviceAccount.isEmpty()) {
            serviceAccount = Json.text(spec.path("serviceAccount"));
        }
        if (serviceAccount.isEmpty()) {
            serviceAccount = "default";
        }
        return new Mount(workload.namespace, serviceAccount, podSetting == null || podSetting.isNull(),
                Site.of(workload, RuleId.AUTOMOUNT_SERVICE_ACCOUNT_TOKEN,
                        workload.pod.at("automountServiceAccountToken")));
    }

    static void check(Inventory inventory, Reporter reporter) {
        for (Mount mount : inventory.tokenMounts) {
            if (mount.accountDecides() && inventory.serviceAccountOff(mount.namespace(), mount.serviceAccount())) {
                continue;
            }
            if (inventory.bound(mount.namespace(), mount.serviceAccount())) {
                continue; // Bound to a role in this input: the workload calls the API and needs its token.
            }
            reporter.report(RuleId.AUTOMOUNT_SERVICE_ACCOUNT_TOKEN, mount.site(),
                    "pod mounts the token of service account " + Json.quote(mount.serviceAccount())
                            + ", which no RoleBinding in the input grants permissions");
        }
    }
}
