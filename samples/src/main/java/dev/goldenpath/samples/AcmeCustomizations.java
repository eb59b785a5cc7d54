package dev.goldenpath.samples;

import dev.goldenpath.dsl.AppInstance;
import dev.goldenpath.generators.extension.AppContext;
import dev.goldenpath.generators.extension.PlatformGenerator;
import io.fabric8.kubernetes.api.model.PodDNSConfigBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * What the acme apps need beyond the golden path, in one place that the command line and the Maven plugin find
 * (listed in {@code META-INF/services/dev.goldenpath.generators.extension.PlatformGenerator}):
 * <ul>
 *   <li>a customization: {@code frontend} resolves external names with {@code ndots: 2} (the cluster default of 5
 *       costs every external lookup four failing searches first), a field the DSL does not model;</li>
 *   <li>an extra object: {@code api-gateway} gets its TLS certificate from cert-manager, a kind the DSL does not model,
 *       written as YAML.</li>
 * </ul>
 */
public final class AcmeCustomizations implements PlatformGenerator {

    @Override
    public void contribute(AppContext app) {
        switch (app.instance().name()) {
            case "frontend" -> app.customize(Deployment.class, deployment -> deployment.getSpec().getTemplate().getSpec()
                    .setDnsConfig(new PodDNSConfigBuilder().addNewOption("ndots", "2").build()));
            case "api-gateway" -> app.addYaml(certificate(app.instance()));
            default -> {
            }
        }
    }

    private static String certificate(AppInstance instance) {
        String host = instance.name() + "." + instance.namespace() + ".svc";
        return """
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata:
                  name: %1$s-tls
                spec:
                  secretName: %1$s-tls
                  duration: 2160h
                  renewBefore: 360h
                  dnsNames:
                    - %2$s
                    - %2$s.cluster.local
                  privateKey:
                    algorithm: ECDSA
                    size: 256
                    rotationPolicy: Always
                  issuerRef:
                    group: cert-manager.io
                    kind: ClusterIssuer
                    name: acme-internal-ca
                """.formatted(instance.name(), host);
    }
}
