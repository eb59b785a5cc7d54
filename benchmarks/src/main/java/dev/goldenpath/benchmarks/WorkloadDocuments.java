package dev.goldenpath.benchmarks;

import java.io.IOException;
import java.io.Writer;

/**
 * Hardened workloads as goldenpath renders them, as one multi-document YAML stream: teams of ten apps, each team in
 * a Namespace that enforces the restricted Pod Security Standard and denies traffic by default; each app a
 * Deployment (full securityContext, probes, resources, topology spread, volumes), a Service, a NetworkPolicy that
 * admits the next app of the team on 8080, a ServiceAccount, a Role that reads pods and its RoleBinding. Every
 * cross-object rule of the linter has work to do (default deny per namespace, policy coverage per workload,
 * service account tokens against bindings), as in a real rendered tree.
 */
final class WorkloadDocuments {

    private static final int TEAM_SIZE = 10;

    private WorkloadDocuments() {
    }

    /** Writes whole teams until at least {@code bytes} characters are written. */
    static void write(Writer out, long bytes) throws IOException {
        long written = 0;
        for (int team = 0; written < bytes; team++) {
            String namespace = "team-" + team;
            written += emit(out, namespace(namespace));
            written += emit(out, defaultDeny(namespace));
            for (int app = 0; app < TEAM_SIZE; app++) {
                String name = "app-" + team + "-" + app;
                String caller = "app-" + team + "-" + ((app + TEAM_SIZE - 1) % TEAM_SIZE);
                written += emit(out, deployment(namespace, name, team));
                written += emit(out, service(namespace, name, team));
                written += emit(out, networkPolicy(namespace, name, caller, team));
                written += emit(out, serviceAccount(namespace, name, team));
                written += emit(out, role(namespace, name, team));
                written += emit(out, roleBinding(namespace, name, team));
            }
        }
    }

    private static int emit(Writer out, String document) throws IOException {
        out.write(document);
        return document.length();
    }

    private static String labels(String indent, String name, int team) {
        return indent + "app: " + name + "\n"
                + indent + "app.kubernetes.io/managed-by: goldenpath\n"
                + indent + "app.kubernetes.io/name: " + name + "\n"
                + indent + "app.kubernetes.io/part-of: acme\n"
                + indent + "environment: production\n"
                + indent + "owner: team-" + team + "\n";
    }

    private static String metadata(String namespace, String name, int team) {
        return "metadata:\n"
                + "  annotations:\n"
                + "    goldenpath.dev/owner-contact: team-" + team + "@acme.example\n"
                + "  labels:\n" + labels("    ", name, team)
                + "  name: " + name + "\n"
                + "  namespace: " + namespace + "\n";
    }

    private static String namespace(String namespace) {
        return "---\n# namespace.yaml\napiVersion: v1\nkind: Namespace\nmetadata:\n  labels:\n"
                + "    kubernetes.io/metadata.name: " + namespace + "\n"
                + "    pod-security.kubernetes.io/audit: restricted\n"
                + "    pod-security.kubernetes.io/enforce: restricted\n"
                + "    pod-security.kubernetes.io/warn: restricted\n"
                + "  name: " + namespace + "\n";
    }

    private static String defaultDeny(String namespace) {
        return "---\n# networkpolicy-default-deny.yaml\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n"
                + "metadata:\n  name: default-deny\n  namespace: " + namespace + "\n"
                + "spec:\n  podSelector: {}\n  policyTypes:\n    - Ingress\n    - Egress\n";
    }

    private static String deployment(String namespace, String name, int team) {
        return "---\n# deployment.yaml\napiVersion: apps/v1\nkind: Deployment\n" + metadata(namespace, name, team)
                + "spec:\n"
                + "  replicas: 2\n"
                + "  selector:\n    matchLabels:\n      app.kubernetes.io/name: " + name + "\n"
                + "  strategy:\n    rollingUpdate:\n      maxSurge: 25%\n      maxUnavailable: 0\n"
                + "    type: RollingUpdate\n"
                + "  template:\n"
                + "    metadata:\n"
                + "      annotations:\n        goldenpath.dev/owner-contact: team-" + team + "@acme.example\n"
                + "      labels:\n" + labels("        ", name, team)
                + "    spec:\n"
                + "      automountServiceAccountToken: false\n"
                + "      containers:\n"
                + "        - image: registry.acme.example/team-" + team + "/" + name + ":1.4.2\n"
                + "          imagePullPolicy: IfNotPresent\n"
                + "          livenessProbe:\n"
                + "            failureThreshold: 3\n"
                + "            httpGet:\n              path: /healthz\n              port: http\n"
                + "            periodSeconds: 10\n            timeoutSeconds: 1\n"
                + "          name: " + name + "\n"
                + "          ports:\n"
                + "            - containerPort: 8080\n              name: http\n              protocol: TCP\n"
                + "            - containerPort: 9090\n              name: metrics\n              protocol: TCP\n"
                + "          readinessProbe:\n"
                + "            failureThreshold: 3\n"
                + "            httpGet:\n              path: /ready\n              port: http\n"
                + "            periodSeconds: 10\n            timeoutSeconds: 1\n"
                + "          resources:\n"
                + "            limits:\n              cpu: \"1\"\n              memory: 512Mi\n"
                + "            requests:\n              cpu: 250m\n              memory: 256Mi\n"
                + "          securityContext:\n"
                + "            allowPrivilegeEscalation: false\n"
                + "            capabilities:\n              drop:\n                - ALL\n"
                + "            privileged: false\n"
                + "            readOnlyRootFilesystem: true\n"
                + "            runAsNonRoot: true\n"
                + "          terminationMessagePolicy: FallbackToLogsOnError\n"
                + "          volumeMounts:\n"
                + "            - mountPath: /tmp\n              name: tmp\n"
                + "      enableServiceLinks: false\n"
                + "      securityContext:\n"
                + "        fsGroup: 10001\n        fsGroupChangePolicy: OnRootMismatch\n"
                + "        runAsGroup: 10001\n        runAsNonRoot: true\n        runAsUser: 10001\n"
                + "        seccompProfile:\n          type: RuntimeDefault\n"
                + "      serviceAccountName: " + name + "\n"
                + "      topologySpreadConstraints:\n"
                + "        - labelSelector:\n            matchLabels:\n"
                + "              app.kubernetes.io/name: " + name + "\n"
                + "          maxSkew: 1\n          topologyKey: kubernetes.io/hostname\n"
                + "          whenUnsatisfiable: ScheduleAnyway\n"
                + "      volumes:\n"
                + "        - emptyDir:\n            sizeLimit: 1Gi\n          name: tmp\n";
    }

    private static String service(String namespace, String name, int team) {
        return "---\n# service.yaml\napiVersion: v1\nkind: Service\n" + metadata(namespace, name, team)
                + "spec:\n  ports:\n    - name: http\n      port: 8080\n      protocol: TCP\n      targetPort: http\n"
                + "  selector:\n    app.kubernetes.io/name: " + name + "\n  type: ClusterIP\n";
    }

    private static String networkPolicy(String namespace, String name, String caller, int team) {
        return "---\n# networkpolicy.yaml\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n"
                + metadata(namespace, name, team)
                + "spec:\n"
                + "  egress:\n"
                + "    - ports:\n        - port: 53\n          protocol: TCP\n        - port: 53\n          protocol: UDP\n"
                + "      to:\n        - namespaceSelector:\n            matchLabels:\n"
                + "              kubernetes.io/metadata.name: kube-system\n"
                + "          podSelector:\n            matchLabels:\n              k8s-app: kube-dns\n"
                + "  ingress:\n"
                + "    - from:\n        - podSelector:\n            matchLabels:\n"
                + "              app.kubernetes.io/name: " + caller + "\n"
                + "      ports:\n        - port: 8080\n          protocol: TCP\n"
                + "  podSelector:\n    matchLabels:\n      app.kubernetes.io/name: " + name + "\n"
                + "  policyTypes:\n    - Ingress\n    - Egress\n";
    }

    private static String serviceAccount(String namespace, String name, int team) {
        return "---\n# serviceaccount.yaml\napiVersion: v1\nkind: ServiceAccount\n" + metadata(namespace, name, team)
                + "automountServiceAccountToken: false\n";
    }

    private static String role(String namespace, String name, int team) {
        return "---\n# role.yaml\napiVersion: rbac.authorization.k8s.io/v1\nkind: Role\n"
                + metadata(namespace, name + "-pod-reader", team)
                + "rules:\n  - apiGroups:\n      - \"\"\n    resources:\n      - pods\n"
                + "    verbs:\n      - get\n      - list\n      - watch\n";
    }

    private static String roleBinding(String namespace, String name, int team) {
        return "---\n# rolebinding.yaml\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\n"
                + metadata(namespace, name + "-pod-reader", team)
                + "roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: " + name + "-pod-reader\n"
                + "subjects:\n  - kind: ServiceAccount\n    name: " + name + "\n    namespace: " + namespace + "\n";
    }
}
