package dev.goldenpath.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.secrets.sealed.SealingCertificate;
import dev.goldenpath.secrets.sealed.SealingCertificateException;
import dev.goldenpath.secrets.testing.FakeApiServer;
import dev.goldenpath.secrets.testing.TestCertificates;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** The certificate fetched through the API server's service proxy, as kubeseal does, from a real loopback server. */
class ClusterCertificateTest {

    /** A fabric8 client talking to the server with a bearer token, as a kubeconfig would configure. */
    static KubernetesClient client(FakeApiServer api) {
        return new io.fabric8.kubernetes.client.KubernetesClientBuilder()
                .withConfig(new io.fabric8.kubernetes.client.ConfigBuilder(io.fabric8.kubernetes.client.Config.empty())
                        .withMasterUrl(api.url()).withOauthToken("test-token").withRequestTimeout(5_000)
                        .withRequestRetryBackoffLimit(0).build())
                .build();
    }

    @Test
    void aKubeconfigNamesTheClusterAndItsCredentials() {
        try (FakeApiServer api = new FakeApiServer()
                .controller("sealed-secrets", "controller", TestCertificates.controllerCertificate())) {
            SealingCertificate cert = ClusterCertificate.fetch(java.util.Optional.of(api.kubeconfig()), "controller",
                    "sealed-secrets");
            assertEquals(TestCertificates.controllerKeys().getPublic(), cert.publicKey());
            assertEquals("Bearer test-token", api.requests().get(0).authorization());
        }
    }

    @Test
    void fetchesTheCertificateThroughTheServiceProxyLikeKubeseal() {
        try (FakeApiServer api = new FakeApiServer()
                .controller("kube-system", "sealed-secrets-controller", TestCertificates.controllerCertificate());
             KubernetesClient client = client(api)) {

            SealingCertificate cert = ClusterCertificate.fetch(client);

            assertEquals(TestCertificates.controllerKeys().getPublic(), cert.publicKey());
            FakeApiServer.Request request = api.requests().get(0);
            assertEquals("GET", request.method());
            assertEquals("/api/v1/namespaces/kube-system/services/http:sealed-secrets-controller:/proxy/v1/cert.pem",
                    request.path());
            assertEquals("application/x-pem-file, */*", request.accept());
            assertEquals("Bearer test-token", request.authorization(), "the client's credentials are used");
        }
    }

    @Test
    void controllerNameAndNamespaceAreConfigurable() {
        try (FakeApiServer api = new FakeApiServer()
                .controller("sealed-secrets", "sealed-secrets", TestCertificates.renewedControllerCertificate());
             KubernetesClient client = client(api)) {

            SealingCertificate cert = ClusterCertificate.fetch(client, "sealed-secrets", "sealed-secrets");

            assertEquals(TestCertificates.renewedControllerKeys().getPublic(), cert.publicKey());
        }
    }

    @Test
    void missingControllerIsAClearError() {
        try (FakeApiServer api = new FakeApiServer(); KubernetesClient client = client(api)) {
            SealingCertificateException error = assertThrows(SealingCertificateException.class,
                    () -> ClusterCertificate.fetch(client));

            String message = error.getMessage();
            assertTrue(message.contains("service kube-system/sealed-secrets-controller"), message);
            assertTrue(message.contains("HTTP 404"), message);
            assertTrue(message.contains("--controller-name"), message);
        }
    }

    @Test
    void certificateFromTheClusterIsValidatedToo() {
        String expired = TestCertificates.selfSigned(TestCertificates.renewedControllerKeys(), "old",
                Instant.now().minus(60, ChronoUnit.DAYS), Instant.now().minus(1, ChronoUnit.DAYS));
        try (FakeApiServer api = new FakeApiServer().controller("kube-system", "sealed-secrets-controller", expired);
             KubernetesClient client = client(api)) {
            SealingCertificateException error = assertThrows(SealingCertificateException.class,
                    () -> ClusterCertificate.fetch(client));
            assertTrue(error.problems().get(0).startsWith("expired"), error.getMessage());
        }
    }

    @Test
    void unreachableApiServerIsAClearError() {
        String url;
        try (FakeApiServer api = new FakeApiServer()) {
            url = api.url();
        }
        try (KubernetesClient client = new io.fabric8.kubernetes.client.KubernetesClientBuilder()
                .withConfig(new io.fabric8.kubernetes.client.ConfigBuilder(io.fabric8.kubernetes.client.Config.empty())
                        .withMasterUrl(url).withRequestTimeout(2_000).withRequestRetryBackoffLimit(0).build())
                .build()) {
            SealingCertificateException error = assertThrows(SealingCertificateException.class,
                    () -> ClusterCertificate.fetch(client));
            assertTrue(error.getMessage().contains("cannot fetch " + url), error.getMessage());
        }
    }

    @Test
    void invalidControllerCoordinatesAreRejectedBeforeAnyRequest() {
        try (FakeApiServer api = new FakeApiServer(); KubernetesClient client = client(api)) {
            SealingCertificateException error = assertThrows(SealingCertificateException.class,
                    () -> ClusterCertificate.fetch(client, "Bad/Name", ""));
            assertEquals(2, error.problems().size(), error.getMessage());
            assertTrue(api.requests().isEmpty());
        }
    }
}
