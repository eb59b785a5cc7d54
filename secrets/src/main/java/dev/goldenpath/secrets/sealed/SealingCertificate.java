package dev.goldenpath.secrets.sealed;

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
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/**
 * The sealed-secrets controller's public certificate: the only thing needed to seal.
 *
 * <p>Every factory validates before returning: the input must hold an X.509 certificate, its key must
 * be RSA (the controller only uses RSA, and RSA-OAEP is what it decrypts) of at least 2048 bits
 * (NIST SP 800-131A) with an odd public exponent of at least 65537, the certificate must be inside its
 * validity window now, and a self-signed certificate's signature must verify with its own key (see
 * {@link #signatureVerified()}). Problems are reported together in one {@link SealingCertificateException}.
 *
 * <p>The certificate is read with a small strict DER reader, not the JDK's {@code CertificateFactory}:
 * the controller's certificate has an empty subject and issuer ({@code --my-cn} defaults to ""), which
 * the JDK refuses. PEM text may hold several {@code CERTIFICATE} blocks (a chain): the first is used, as
 * kubeseal does; any other block, a private key above all, is refused.
 *
 * <pre>{@code
 * SealingCertificate cert = SealingCertificate.fromPem(Files.readString(Path.of("pub-cert.pem")));
 * SealingCertificate live = ClusterCertificate.fetch(client);   // goldenpath-pipeline: kube-system/sealed-secrets-controller
 * }</pre>
 */
public final class SealingCertificate {

    /** Controller service name kubeseal assumes ({@code --controller-name}). */
    public static final String DEFAULT_CONTROLLER_NAME = "sealed-secrets-controller";
    /** Controller namespace kubeseal assumes ({@code --controller-namespace}). */
    public static final String DEFAULT_CONTROLLER_NAMESPACE = "kube-system";

    private final byte[] der;
    private final CertificateStructure structure;
    private final RSAPublicKey publicKey;
    private final boolean signatureVerified;
    private final String fingerprint;

    private SealingCertificate(byte[] der, CertificateStructure structure, RSAPublicKey publicKey,
                               boolean signatureVerified) {
        this.der = der.clone();
        this.structure = structure;
        this.publicKey = publicKey;
        this.signatureVerified = signatureVerified;
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

    /**
     * Where kubeseal fetches the certificate of the controller {@code controllerNamespace/controllerName}: the path,
     * relative to the API server, of {@code GET /v1/cert.pem} on the controller's service through the API server's
     * service proxy, {@code api/v1/namespaces/<namespace>/services/http:<name>:/proxy/v1/cert.pem} (client-go
     * {@code ProxyGet("http", name, "", "/v1/cert.pem")}). The caller needs {@code get} on {@code services/proxy}.
     * The cluster client that sends the request lives with the front ends ({@code goldenpath-pipeline}'s
     * {@code ClusterCertificate}); this module needs none.
     *
     * @throws SealingCertificateException when the name or namespace is not a valid Kubernetes name
     */
    public static String controllerProxyPath(String controllerName, String controllerNamespace) {
        List<String> problems = new ArrayList<>();
        Scope.checkNamespace(Objects.requireNonNull(controllerNamespace, "controllerNamespace"), problems);
        Scope.checkName(Objects.requireNonNull(controllerName, "controllerName"), problems);
        if (!problems.isEmpty()) {
            throw new SealingCertificateException(controllerSource(controllerName, controllerNamespace), problems);
        }
        return "api/v1/namespaces/" + controllerNamespace + "/services/http:" + controllerName + ":/proxy/v1/cert.pem";
    }

    /** How problems name a controller's certificate: {@code service <namespace>/<name>}. */
    public static String controllerSource(String controllerName, String controllerNamespace) {
        return "service " + controllerNamespace + "/" + controllerName;
    }

    /**
     * Parses and validates a certificate (PEM or DER) fetched from {@code source}, which problems name (for a
     * controller, {@link #controllerSource}).
     */
    public static SealingCertificate fromFetched(byte[] content, String source) {
        Objects.requireNonNull(content, "content");
        return parse(content, Objects.requireNonNull(source, "source"), Instant.now());
    }

    static SealingCertificate parse(byte[] content, String source, Instant now) {
        List<String> problems = new ArrayList<>();
        List<byte[]> certificates = certificates(content, problems);
        if (!problems.isEmpty()) {
            throw new SealingCertificateException(source, problems);
        }
        // kubeseal (ParseKey) seals with the first certificate; later ones (a chain) must still be certificates.
        CertificateStructure first = null;
        for (int i = 0; i < certificates.size(); i++) {
            try {
                CertificateStructure structure = CertificateStructure.parse(certificates.get(i));
                first = first == null ? structure : first;
            } catch (Der.Malformed e) {
                String which = certificates.size() > 1 ? "certificate " + (i + 1) + " of " + certificates.size() : "input";
                problems.add(which + " is not a DER X.509 certificate: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new SealingCertificateException(source, problems);
        }
        Optional<RSAPublicKey> key = CertificateRules.key(first, problems);
        CertificateRules.validity(first, now, problems);
        boolean verified = key.isPresent() && CertificateRules.signature(first, key.get(), problems);
        if (!problems.isEmpty()) {
            throw new SealingCertificateException(source, problems);
        }
        return new SealingCertificate(certificates.get(0), first, key.orElseThrow(), verified);
    }

    /** The DER of every certificate in PEM text (or raw DER), refusing what is not a certificate. */
    private static List<byte[]> certificates(byte[] content, List<String> problems) {
        if (!PemBlocks.isPem(content)) {
            if (content.length > 0 && content[0] == Der.SEQUENCE) {
                return List.of(content);
            }
            problems.add(new String(content, StandardCharsets.ISO_8859_1).isBlank()
                    ? "empty: no certificate found"
                    : "neither PEM text (-----BEGIN CERTIFICATE-----) nor a DER certificate");
            return List.of();
        }
        List<byte[]> certificates = new ArrayList<>();
        for (PemBlocks.Block block : PemBlocks.read(content, problems)) {
            if (block.label().endsWith("PRIVATE KEY")) {
                // Never needed to seal; a private key in a file passed around as "the certificate" is a leak.
                problems.add("PEM block '" + block.label() + "' at line " + block.line() + " is a private key:"
                        + " sealing needs only the public certificate; keep private keys out of this file");
            } else if (block.label().equals("CERTIFICATE")) {
                certificates.add(block.der());
            } else {
                problems.add("PEM block '" + block.label() + "' at line " + block.line()
                        + " is not a CERTIFICATE");
            }
        }
        if (certificates.isEmpty() && problems.isEmpty()) {
            problems.add("no certificate found");
        }
        return certificates;
    }

    /** The RSA public key that wraps each value's AES session key. */
    public RSAPublicKey publicKey() {
        return publicKey;
    }

    /** The certificate's DER encoding, exactly as read. */
    public byte[] der() {
        return der.clone();
    }

    /**
     * Whether the certificate's signature was verified: true for a self-signed certificate (the
     * controller's always is), whose signature must then verify with its own key. That shows the bytes
     * were not altered after signing, not who made them: only fetching from the cluster or comparing
     * {@link #fingerprint()} with the controller's tells that. False for a certificate signed by another
     * issuer, which has no trust anchor here.
     */
    public boolean signatureVerified() {
        return signatureVerified;
    }

    /**
     * The public key fingerprint in the format upstream {@code crypto.PublicKeyFingerprint} uses:
     * {@code SHA256:} and the unpadded base64 SHA-256 of the key in SSH wire format.
     */
    public String fingerprint() {
        return fingerprint;
    }

    /** The start of the validity window. */
    public Instant notBefore() {
        return structure.notBefore();
    }

    /** The end of the validity window; the controller renews its key long before (every 30 days by default). */
    public Instant notAfter() {
        return structure.notAfter();
    }

    /** The serial number (the controller draws it at random below 2^128). */
    public BigInteger serialNumber() {
        return structure.serialNumber();
    }

    /** The certificate as PEM text, for {@code --cert} files and for committing next to the sealed output. */
    public String pem() {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
    }

    @Override
    public String toString() {
        return "SealingCertificate[" + subject() + ", " + fingerprint + ", notAfter=" + notAfter() + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealingCertificate that && Arrays.equals(der, that.der);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(der);
    }

    // The controller's subject is empty (--my-cn defaults to ""); X500Principal reads that, X509Certificate does not.
    private String subject() {
        try {
            String name = new X500Principal(structure.subject()).getName();
            return name.isEmpty() ? "empty subject" : name;
        } catch (IllegalArgumentException e) {
            return "unreadable subject";
        }
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
}
