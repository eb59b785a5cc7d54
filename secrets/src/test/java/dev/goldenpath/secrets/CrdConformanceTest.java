package dev.goldenpath.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goldenpath.secrets.external.ClusterSecretStore;
import dev.goldenpath.secrets.external.ExternalSecret;
import dev.goldenpath.secrets.external.RemoteRef;
import dev.goldenpath.secrets.external.SecretStore;
import dev.goldenpath.secrets.external.SecretStoreRef;
import dev.goldenpath.secrets.external.VaultProvider;
import dev.goldenpath.secrets.sealed.Scope;
import dev.goldenpath.secrets.sealed.SealedSecret;
import dev.goldenpath.secrets.sealed.Sealer;
import dev.goldenpath.secrets.sealed.SealingCertificate;
import dev.goldenpath.secrets.sealed.SealingKey;
import dev.goldenpath.secrets.testing.CrdSchemas;
import dev.goldenpath.secrets.testing.TestCertificates;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Everything this module renders is valid against the upstream CRDs, unknown fields included. */
class CrdConformanceTest {

    /** fabric8's own serialization, which the generators share for every Kubernetes object. */
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static Path crds;
    private static final Sealer SEALER = Sealer.with(SealingCertificate.fromPem(TestCertificates.controllerCertificate()))
            .deterministic(SealingKey.generate());

    @BeforeAll
    static void findCrds() {
        crds = CrdSchemas.directory().orElse(null);
    }

    @ParameterizedTest
    @EnumSource(Scope.Kind.class)
    void sealedSecretsConformToTheSealedSecretsCrd(Scope.Kind kind) {
        SealedSecret sealed = SEALER.secret("payments", "db-creds")
                .scope(kind)
                .type("kubernetes.io/basic-auth")
                .immutable(true)
                .label("app.kubernetes.io/part-of", "payments")
                .annotation("reloader.stakater.com/match", "true")
                .value("username", SecretValue.of("app"))
                .value("password", SecretValue.of("s3cr3t"))
                .seal();

        assertConforms("sealed-secrets/bitnami.com_sealedsecrets.yaml", sealed);
    }

    @Test
    void externalSecretsConformToTheExternalSecretsCrd() {
        ExternalSecret full = ExternalSecret.builder("payments", "db-creds")
                .store(SecretStoreRef.secretStore("vault"))
                .refreshInterval(Duration.ofMinutes(90))
                .targetName("db-credentials")
                .type("kubernetes.io/basic-auth")
                .label("app.kubernetes.io/part-of", "payments")
                .annotation("reloader.stakater.com/match", "true")
                .data("username", RemoteRef.of("payments/db", "username"))
                .data("password", RemoteRef.of("payments/db", "password").withVersion("3"))
                .build();
        ExternalSecret minimal = ExternalSecret.builder("payments", "api-token")
                .store(SecretStoreRef.clusterSecretStore("vault"))
                .data("token", RemoteRef.key("payments/api-token"))
                .build();

        assertConforms("external-secrets/external-secrets.io_externalsecrets.yaml", full);
        assertConforms("external-secrets/external-secrets.io_externalsecrets.yaml", minimal);
    }

    @Test
    void secretStoresConformToTheirCrds() {
        VaultProvider vault = VaultProvider.at("https://vault.example.com:8200")
                .withPath("secret")
                .withNamespace("team-payments")
                .withKubernetesAuth("kubernetes", "payments", "payments-api");

        assertConforms("external-secrets/external-secrets.io_secretstores.yaml",
                SecretStore.vault("payments", "vault", vault));
        assertConforms("external-secrets/external-secrets.io_clustersecretstores.yaml",
                ClusterSecretStore.vault("vault", vault.withVersion(VaultProvider.KvVersion.V1)));
    }

    @Test
    void validatorReportsUnknownFieldsAndWrongTypes() {
        assumeCrds();
        SealedSecret sealed = SEALER.secret("payments", "db-creds").value("k", SecretValue.of("v")).seal();
        ObjectNode tree = SERIALIZATION.convertValue(sealed, ObjectNode.class);
        ((ObjectNode) tree.path("spec").path("template")).put("typo", "x");
        ((ObjectNode) tree.path("spec").path("template")).put("immutable", "yes");
        ((ObjectNode) tree.path("spec")).remove("encryptedData");

        List<String> violations = CrdSchemas.violations(crds.resolve("sealed-secrets/bitnami.com_sealedsecrets.yaml"),
                tree);

        assertEquals(3, violations.size(), violations.toString());
        assertTrue(violations.toString().contains("typo"), violations.toString());
        assertTrue(violations.toString().contains("encryptedData"), violations.toString());
    }

    private static void assertConforms(String crd, HasMetadata object) {
        assumeCrds();
        JsonNode tree = SERIALIZATION.convertValue(object, JsonNode.class);
        List<String> violations = CrdSchemas.violations(crds.resolve(crd), tree);
        assertTrue(violations.isEmpty(), () -> crd + ": " + violations + "\n" + SERIALIZATION.asYaml(object));
        assertFalse(hasNull(tree), () -> "no nulls in output: " + tree);
    }

    private static boolean hasNull(JsonNode node) {
        if (node.isNull()) {
            return true;
        }
        for (JsonNode child : node) {
            if (hasNull(child)) {
                return true;
            }
        }
        return false;
    }

    private static void assumeCrds() {
        assumeTrue(crds != null, "upstream CRDs not found (looked for ../shared/crds, ../../shared/crds,"
                + " /work/shared/crds; set -Dgoldenpath.crds=DIR): skipping CRD conformance");
    }
}
