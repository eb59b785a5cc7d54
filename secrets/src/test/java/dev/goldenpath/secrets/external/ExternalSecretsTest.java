package dev.goldenpath.secrets.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExternalSecretsTest {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void vaultSecretStoreAuthenticatesWithAServiceAccount() throws Exception {
        SecretStore store = SecretStore.vault("payments", "vault",
                VaultProvider.at("https://vault.example.com:8200")
                        .withKubernetesAuth("kubernetes", "payments", "payments-api"));

        assertSerializesTo("""
                apiVersion: external-secrets.io/v1
                kind: SecretStore
                metadata:
                  name: vault
                  namespace: payments
                spec:
                  provider:
                    vault:
                      server: https://vault.example.com:8200
                      path: secret
                      version: v2
                      auth:
                        kubernetes:
                          mountPath: kubernetes
                          role: payments
                          serviceAccountRef:
                            name: payments-api
                """, store);
    }

    @Test
    void externalSecretMapsRemoteKeysToSecretKeysInSortedOrder() throws Exception {
        ExternalSecret secret = ExternalSecret.builder("payments", "db-creds")
                .store(SecretStoreRef.secretStore("vault"))
                .refreshInterval(Duration.ofMinutes(90))
                .type("kubernetes.io/basic-auth")
                .label("app.kubernetes.io/part-of", "payments")
                .data("username", RemoteRef.of("payments/db", "username"))
                .data("password", RemoteRef.of("payments/db", "password"))
                .build();

        assertSerializesTo("""
                apiVersion: external-secrets.io/v1
                kind: ExternalSecret
                metadata:
                  name: db-creds
                  namespace: payments
                spec:
                  secretStoreRef:
                    kind: SecretStore
                    name: vault
                  refreshInterval: 1h30m
                  target:
                    name: db-creds
                    creationPolicy: Owner
                    template:
                      type: kubernetes.io/basic-auth
                      metadata:
                        labels:
                          app.kubernetes.io/part-of: payments
                  data:
                  - secretKey: password
                    remoteRef:
                      key: payments/db
                      property: password
                  - secretKey: username
                    remoteRef:
                      key: payments/db
                      property: username
                """, secret);
    }

    @Test
    void externalSecretWithoutTypeOrMetadataHasNoTemplate() {
        ExternalSecret secret = ExternalSecret.builder("payments", "token")
                .store(SecretStoreRef.clusterSecretStore("vault"))
                .refreshInterval(Duration.ZERO)
                .creationPolicy(ExternalSecretSpec.CreationPolicy.ORPHAN)
                .data("token", RemoteRef.key("payments/token"))
                .build();

        JsonNode tree = SERIALIZATION.convertValue(secret, JsonNode.class);
        assertTrue(tree.path("spec").path("target").path("template").isMissingNode(), tree.toString());
        assertEquals("0s", tree.path("spec").path("refreshInterval").asText());
        assertEquals("ClusterSecretStore", tree.path("spec").path("secretStoreRef").path("kind").asText());
        assertEquals("Orphan", tree.path("spec").path("target").path("creationPolicy").asText());
    }

    @Test
    void readsBackWhatItWrites() {
        ExternalSecret secret = ExternalSecret.builder("payments", "db-creds")
                .store(SecretStoreRef.secretStore("vault"))
                .data("password", RemoteRef.of("payments/db", "password").withVersion("2"))
                .build();
        ClusterSecretStore store = ClusterSecretStore.vault("vault", VaultProvider.at("https://vault:8200")
                .withVersion(VaultProvider.KvVersion.V1).withKubernetesAuth("kubernetes", "eso", "external-secrets"));

        assertEquals(secret, SERIALIZATION.unmarshal(SERIALIZATION.asYaml(secret), ExternalSecret.class));
        assertEquals(store, SERIALIZATION.unmarshal(SERIALIZATION.asYaml(store), ClusterSecretStore.class));
    }

    @Test
    void invalidExternalSecretListsEveryProblem() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () ->
                ExternalSecret.builder("Payments", "db_creds")
                        .refreshInterval(Duration.ofSeconds(-1))
                        .data("bad key", RemoteRef.key(" "))
                        .build());

        String message = error.getMessage();
        for (String expected : List.of("namespace 'Payments'", "name 'db_creds'", "store is required",
                "refreshInterval must not be negative", "secret key 'bad key'", "remote key for 'bad key' is blank")) {
            assertTrue(message.contains(expected), () -> expected + " missing from: " + message);
        }
    }

    @Test
    void storesWithoutAuthenticationOrWithABadServerAreRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SecretStore.vault("payments", "Vault", VaultProvider.at("vault:8200")));

        String message = error.getMessage();
        assertTrue(message.contains("name 'Vault'"), message);
        assertTrue(message.contains("no authentication"), message);
        assertTrue(message.contains("not an http(s) URL"), message);
        assertThrows(IllegalArgumentException.class,
                () -> ClusterSecretStore.vault("vault", VaultProvider.at("https://vault:8200")));
    }

    @Test
    void goDurationsUseTheShortestForm() {
        List<String> formatted = new ArrayList<>();
        for (Duration duration : List.of(Duration.ofHours(1), Duration.ofMinutes(15), Duration.ofSeconds(3725),
                Duration.ofSeconds(45), Duration.ZERO)) {
            formatted.add(ExternalSecret.goDuration(duration));
        }
        assertEquals(List.of("1h", "15m", "1h2m5s", "45s", "0s"), formatted);
    }

    private static void assertSerializesTo(String expectedYaml, Object object) throws Exception {
        JsonNode actual = SERIALIZATION.convertValue(object, JsonNode.class);
        assertEquals(YAML.readTree(expectedYaml), actual);
        // Same fields in the same order: the declared property order is part of the stable output.
        assertEquals(YAML.readTree(expectedYaml).toString(), actual.toString());
    }
}
