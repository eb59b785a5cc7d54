package dev.goldenpath.secrets.external;

import dev.goldenpath.kube.KubernetesNames;
import java.util.List;

/** apimachinery name rules ({@link KubernetesNames}), as the external-secrets CRDs also state them in their patterns. */
final class Names {

    private Names() {
    }

    static void check(String namespace, String name, List<String> problems) {
        if (namespace != null && KubernetesNames.label(namespace).isPresent()) {
            problems.add("namespace '" + namespace + "' is not a DNS-1123 label");
        }
        checkName("name", name, problems);
    }

    static void checkName(String what, String name, List<String> problems) {
        if (name == null || KubernetesNames.subdomain(name).isPresent()) {
            problems.add(what + " '" + name + "' is not a DNS-1123 subdomain");
        }
    }
}
