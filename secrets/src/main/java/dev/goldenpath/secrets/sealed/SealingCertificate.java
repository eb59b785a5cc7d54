package dev.goldenpath.secrets.sealed;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The sealed-secrets controller's public certificate: the only thing needed to seal.
 *
 * <p>Every factory validates before returning: the input must hold an X.509 certificate, its key must
 * be RSA (the controller only uses RSA, and RSA-OAEP is what it decrypts) of at least 2048 bits
 * (NIST SP 800-131A), and the certificate must be inside its validity window now. Problems are
 * reported together in one {@link SealingCertificateException}.
 *
 * <pre>{@code
 * SealingCertificate cert = SealingCertificate.fromPem(Files.readString(Path.of("pub-cert.pem")));
 * SealingCertificate live = SealingCertificate.fromCluster(client);   // kube-system/sealed-secrets-controller
 * }</pre>
 */
public final class SealingCertificate {

    /** Controller service name kubeseal assumes ({@code --controller-name}). */
    public static final String DEFAULT_CONTROLLER_NAME = "sealed-secrets-controller";
    /** Controller namespace kubeseal assumes ({@code --controller-namespace}). */
    public static final String DEFAULT_CONTROLLER_NAMESPACE = "kube-system";

    private static final int MINIMUM_MODULUS_BITS = 2048;

    private final X509Certificate certificate;
    private final RSAPublicKey publicKey;
    private final String fingerprint;

    private SealingCertificate(X509Certificate certificate, RSAPublicKey publicKey) {
        this.certificate = certificate;
        this.publicKey = publicKey;
        this.fingerprint = sshFingerprint(publicKey);
    }

    /** Parses and validates a PEM certificate (the first one, if the text holds a chain). */
    public static SealingCertificate fromPem(String pem) {
        Objects.requireNonNull(pem, "pem");
        return parse(pem.getBytes(StandardCharsets.US_ASCII), "PEM text", Instant.now());
    }

    /** Reads, parses and validates a PEM certificate file, e.g. the output of {@code kubeseal --fetch-cert}. */
    public static SealingCertificate fromPemFile(Path file) {
        Objects.requireNonNull(file, "file");
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SealingCertificateException(file.toString(),
                    List.of("cannot read the file: " + e.getClass().getSimpleName() + ": " + e.getMessage()), e);
        }
        return parse(content, file.toString(), Instant.now());
    }

    /** Fetches the certificate from the controller at kubeseal's default location. */
    public static SealingCertificate fromCluster(KubernetesClient client) {
        return fromCluster(client, DEFAULT_CONTROLLER_NAME, DEFAULT_CONTROLLER_NAMESPACE);
    }

    /**
     * Fetches the certificate the way kubeseal does: {@code GET /v1/cert.pem} on the controller's
     * service through the API server's service proxy,
     * {@code /api/v1/namespaces/<namespace>/services/http:<name>:/proxy/v1/cert.pem} (client-go
     * {@code ProxyGet("http", name, "", "/v1/cert.pem")}). The client's credentials apply; the caller
     * needs {@code get} on {@code services/proxy} in that namespace.
     */
    public static SealingCertificate fromCluster(KubernetesClient client, String controllerName,
                                                 String controllerNamespace) {
        Objects.requireNonNull(client, "client");
        List<String> problems = new ArrayList<>();
        Scope.checkNamespace(Objects.requireNonNull(controllerNamespace, "controllerNamespace"), problems);
        Scope.checkName(Objects.requireNonNull(controllerName, "controllerName"), problems);
        String source = "service " + controllerNamespace + "/" + controllerName;
        if (!problems.isEmpty()) {
            throw new SealingCertificateException(source, problems);
        }
        String master = client.getMasterUrl().toString();
        String url = (master.endsWith("/") ? master : master + "/")
                + "api/v1/namespaces/" + controllerNamespace
                + "/services/http:" + controllerName + ":/proxy/v1/cert.pem";
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
        return parse(body, source, Instant.now());
    }

    static SealingCertificate parse(byte[] content, String source, Instant now) {
        Collection<? extends java.security.cert.Certificate> parsed;
        try {
            parsed = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(content));
        } catch (CertificateException e) {
            throw new SealingCertificateException(source,
                    List.of("not a PEM or DER X.509 certificate (" + e.getMessage() + ")"), e);
        }
        if (parsed.isEmpty()) {
            throw new SealingCertificateException(source, List.of("no certificate found"));
        }
        X509Certificate certificate = (X509Certificate) parsed.iterator().next();
        List<String> problems = new ArrayList<>();
        PublicKey key = certificate.getPublicKey();
        if (!(key instanceof RSAPublicKey rsa)) {
            problems.add("key algorithm is " + key.getAlgorithm()
                    + ", but the sealed-secrets controller decrypts RSA-OAEP only: an RSA key is required");
        } else if (rsa.getModulus().bitLength() < MINIMUM_MODULUS_BITS) {
            problems.add("RSA key has " + rsa.getModulus().bitLength() + " bits; at least "
                    + MINIMUM_MODULUS_BITS + " are required (NIST SP 800-131A)");
        }
        if (now.isBefore(certificate.getNotBefore().toInstant())) {
            problems.add("not valid yet: valid from " + certificate.getNotBefore().toInstant() + ", now is " + now);
        }
        if (now.isAfter(certificate.getNotAfter().toInstant())) {
            problems.add("expired: valid until " + certificate.getNotAfter().toInstant() + ", now is " + now
                    + "; fetch the controller's current certificate (kubeseal --fetch-cert)");
        }
        if (!problems.isEmpty()) {
            throw new SealingCertificateException(source, problems);
        }
        return new SealingCertificate(certificate, (RSAPublicKey) key);
    }

    /** The RSA public key that wraps each value's AES session key. */
    public RSAPublicKey publicKey() {
        return publicKey;
    }

    /** The X.509 certificate itself. */
    public X509Certificate certificate() {
        return certificate;
    }

    /**
     * The public key fingerprint in the format upstream {@code crypto.PublicKeyFingerprint} uses:
     * {@code SHA256:} and the unpadded base64 SHA-256 of the key in SSH wire format.
     */
    public String fingerprint() {
        return fingerprint;
    }

    /** The end of the validity window; the controller renews its key long before (every 30 days by default). */
    public Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    /** The certificate as PEM text, for {@code --cert} files and for committing next to the sealed output. */
    public String pem() {
        try {
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("certificate was parsed but cannot be encoded again", e);
        }
    }

    @Override
    public String toString() {
        return "SealingCertificate[" + certificate.getSubjectX500Principal().getName() + ", " + fingerprint
                + ", notAfter=" + notAfter() + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealingCertificate that && certificate.equals(that.certificate);
    }

    @Override
    public int hashCode() {
        return certificate.hashCode();
    }

    // RFC 4253 section 6.6 "ssh-rsa" key encoding, hashed as OpenSSH's SHA256 fingerprint (RFC 4716 style).
    private static String sshFingerprint(RSAPublicKey key) {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(wire)) {
            writeString(out, "ssh-rsa".getBytes(StandardCharsets.US_ASCII));
            writeString(out, mpint(key.getPublicExponent()));
            writeString(out, mpint(key.getModulus()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(wire.toByteArray());
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
        }
    }

    private static void writeString(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }

    // SSH mpint: two's complement big-endian, which is exactly BigInteger.toByteArray() for positives.
    private static byte[] mpint(BigInteger value) {
        return value.toByteArray();
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
        return text.length() > 200 ? "(" + text.substring(0, 200) + "...)" : "(" + text + ")";
    }
}
