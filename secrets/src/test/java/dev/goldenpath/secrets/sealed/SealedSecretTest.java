package dev.goldenpath.secrets.sealed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.goldenpath.secrets.SecretValue;
import dev.goldenpath.secrets.testing.TestCertificates;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SealedSecretTest {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    /** The shape kubeseal writes: null timestamps, an empty status, scope annotations in both places. */
    private static final String KUBESEAL_OUTPUT = """
            apiVersion: bitnami.com/v1alpha1
            kind: SealedSecret
            metadata:
              annotations:
                sealedsecrets.bitnami.com/namespace-wide: "true"
              creationTimestamp: null
              name: mysecret
              namespace: mynamespace
            spec:
              encryptedData:
                foo: AgBy3i4OJSWK+PiTySYZZA==
              template:
                metadata:
                  annotations:
                    sealedsecrets.bitnami.com/namespace-wide: "true"
                  creationTimestamp: null
                  name: mysecret
                  namespace: mynamespace
                type: Opaque
            status: {}
            """;

    @Test
    void readsWhatKubesealWrites() {
        SealedSecret sealed = SERIALIZATION.unmarshal(KUBESEAL_OUTPUT, SealedSecret.class);

        assertEquals(Scope.namespaceWide("mynamespace"), sealed.scope());
        assertEquals(Map.of("foo", "AgBy3i4OJSWK+PiTySYZZA=="), sealed.getSpec().encryptedData());
        assertEquals("Opaque", sealed.getSpec().template().type());
    }

    @Test
    void kubesealOutputAsPreviousRenderIsResealedBecauseItCarriesNoFingerprint() {
        SealedSecret previous = SERIALIZATION.unmarshal(KUBESEAL_OUTPUT, SealedSecret.class);
        SealedSecret next = Sealer.with(SealingCertificate.fromPem(TestCertificates.controllerCertificate()))
                .deterministic(SealingKey.generate())
                .secret("mynamespace", "mysecret").scope(Scope.Kind.NAMESPACE_WIDE)
                .value("foo", SecretValue.of("bar"))
                .previous(previous)
                .seal();

        assertNotEquals(previous.getSpec().encryptedData().get("foo"), next.getSpec().encryptedData().get("foo"));
    }

    @Test
    void roundTripsThroughFabric8Serialization() {
        SealedSecret sealed = Sealer.with(SealingCertificate.fromPem(TestCertificates.controllerCertificate()))
                .secret("payments", "db-creds").scope(Scope.Kind.CLUSTER_WIDE).immutable(true)
                .label("app", "payments").value("password", SecretValue.of("s3cr3t")).seal();

        assertEquals(sealed, SERIALIZATION.unmarshal(SERIALIZATION.asYaml(sealed), SealedSecret.class));
        assertEquals(sealed, SERIALIZATION.unmarshal(SERIALIZATION.asJson(sealed), SealedSecret.class));
    }

    @Test
    void refusesOtherKindsAndVersions() {
        assertThrows(IllegalArgumentException.class, () -> SERIALIZATION.unmarshal(
                KUBESEAL_OUTPUT.replace("bitnami.com/v1alpha1", "bitnami.com/v1"), SealedSecret.class));
        assertThrows(IllegalArgumentException.class, () -> SERIALIZATION.unmarshal(
                KUBESEAL_OUTPUT.replace("kind: SealedSecret", "kind: Secret"), SealedSecret.class));
    }

    @Test
    void toStringShowsNamesAndKeysOnly() {
        SealedSecret sealed = SERIALIZATION.unmarshal(KUBESEAL_OUTPUT, SealedSecret.class);
        assertEquals("SealedSecret[mynamespace/mysecret, keys=[foo]]", sealed.toString());
    }
}
