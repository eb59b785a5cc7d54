package dev.goldenpath.pipeline;

import dev.goldenpath.secrets.sealed.SealingCertificate;
import dev.goldenpath.secrets.sealed.SealingCertificateException;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The sealed-secrets controller's certificate fetched from a cluster, as {@code kubeseal --fetch-cert} does. The
 * cluster client (fabric8) lives here, with the front ends, so that the secrets library needs none: sealing itself
 * takes only the certificate.
 *
 * <pre>{@code
 * SealingCertificate cert = ClusterCertificate.fetch(client);   // kube-system/sealed-secrets-controller
 * SealingCertificate other = ClusterCertificate.fetch(Optional.of(kubeconfigText), "sealed-secrets", "sealed-secrets");
 * }</pre>
 */
public final class ClusterCertificate {

    private ClusterCertificate() {
    }

    /** Fetches the certificate from the controller at kubeseal's default location. */
    public static SealingCertificate fetch(KubernetesClient client) {
        return fetch(client, SealingCertificate.DEFAULT_CONTROLLER_NAME, SealingCertificate.DEFAULT_CONTROLLER_NAMESPACE);
    }

    /**
     * Fetches the certificate of the cluster a kubeconfig names: {@code kubeconfig} (the file's text), or when empty
     * {@code $KUBECONFIG} or {@code ~/.kube/config} as kubectl finds them.
     */
    public static SealingCertificate fetch(java.util.Optional<String> kubeconfig, String controllerName,
                                           String controllerNamespace) {
        KubernetesClientBuilder builder = new KubernetesClientBuilder();
        kubeconfig.ifPresent(text -> builder.withConfig(Config.fromKubeconfig(text)));
        try (KubernetesClient client = builder.build()) {
            return fetch(client, controllerName, controllerNamespace);
        }
    }

    /**
     * Fetches the certificate the way kubeseal does: {@code GET} on
     * {@link SealingCertificate#controllerProxyPath the controller's service proxy path}, with the client's
     * credentials, and validates it like any other certificate.
     *
     * @throws SealingCertificateException when the coordinates are invalid (before any request), the cluster cannot be
     *         reached or answers with an error, or the certificate cannot be used
     */
    public static SealingCertificate fetch(KubernetesClient client, String controllerName, String controllerNamespace) {
        Objects.requireNonNull(client, "client");
        String path = SealingCertificate.controllerProxyPath(controllerName, controllerNamespace);
        String source = SealingCertificate.controllerSource(controllerName, controllerNamespace);
        String master = client.getMasterUrl().toString();
        String url = (master.endsWith("/") ? master : master + "/") + path;
        HttpClient http = client.getHttpClient();
        HttpRequest request = http.newHttpRequestBuilder()
                .uri(url)
                // kubeseal sends the same Accept header (FetchCertificate).
                .header("Accept", "application/x-pem-file, */*")
                .build();
        // The client's request timeout (fabric8 default 10 s); 0 means none there, 30 s here.
        int configured = client.getConfiguration().getRequestTimeout();
        long timeoutMillis = configured > 0 ? configured : 30_000;
        HttpResponse<byte[]> response;
        try {
            response = http.sendAsync(request, byte[].class).get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SealingCertificateException(source, List.of("interrupted while fetching " + url), e);
        } catch (TimeoutException e) {
            throw new SealingCertificateException(source, List.of("cannot fetch " + url + ": no answer within "
                    + timeoutMillis + " ms; is the kubeconfig pointing at the right cluster?"), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new SealingCertificateException(source, List.of("cannot fetch " + url + ": "
                    + cause.getClass().getSimpleName() + ": " + cause.getMessage()), cause);
        }
        byte[] body = response.body() == null ? new byte[0] : response.body();
        if (response.code() != 200) {
            throw new SealingCertificateException(source, List.of("GET " + url + " answered HTTP " + response.code()
                    + " " + excerpt(body) + "; check the controller name and namespace"
                    + " (kubeseal --controller-name/--controller-namespace) and that the caller may get services/proxy"));
        }
        return SealingCertificate.fromFetched(body, source);
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
        return text.length() > 200 ? "(" + text.substring(0, 200) + "...)" : "(" + text + ")";
    }
}
