package dev.goldenpath.secrets.testing;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates made the way the sealed-secrets controller makes them, written with BouncyCastle (an
 * X.509 writer independent of both the JDK and the main code's reader). The template follows upstream
 * {@code pkg/crypto/keys.go} {@code SignKeyWithNotBefore} as Go's {@code x509.CreateCertificate} encodes it:
 * <ul>
 *   <li>serial number drawn uniformly below 2^128;</li>
 *   <li>issuer and subject {@code pkix.Name{CommonName: cn}}, and {@code --my-cn} defaults to "", so both
 *       are the empty Name ({@code 30 00});</li>
 *   <li>validity from now for {@code --key-ttl}, 10 × 365 × 24 h by default;</li>
 *   <li>extensions in Go's order: KeyUsage encipherOnly (Go always marks it critical), BasicConstraints
 *       CA without path length (critical), and the SubjectKeyIdentifier Go adds to CA certificates;</li>
 *   <li>self-signed with SHA256WithRSA, Go's default for an RSA key.</li>
 * </ul>
 */
public final class ControllerCertificates {

    /** The controller's default {@code --key-ttl}. */
    public static final Duration DEFAULT_TTL = Duration.ofHours(10 * 365 * 24);

    private static final SecureRandom RANDOM = new SecureRandom();

    private ControllerCertificates() {
    }

    /** A certificate as a default install makes it: empty CN, valid from now for ten years. */
    public static String certificate(KeyPair keys) {
        return certificate(keys, "", Instant.now(), DEFAULT_TTL);
    }

    /** A certificate with the controller's template for {@code --my-cn=cn}, from {@code notBefore} for {@code ttl}. */
    public static String certificate(KeyPair keys, String cn, Instant notBefore, Duration ttl) {
        return certificate(keys, cn, notBefore, ttl, new BigInteger(128, RANDOM));
    }

    /**
     * As above, with a given serial number. The TBSCertificate is assembled from ASN.1 primitives and signed with the
     * JDK, as Go's {@code x509.CreateCertificate} does: BouncyCastle's certificate builders (1.79 on) refuse the
     * empty issuer that the controller writes, so they cannot make its certificate.
     */
    public static String certificate(KeyPair keys, String cn, Instant notBefore, Duration ttl, BigInteger serial) {
        try {
            X500Name name = cn.isEmpty() ? new X500Name(new RDN[0]) : new X500Name("CN=" + cn);
            Instant start = Instant.ofEpochSecond(notBefore.getEpochSecond());
            boolean rsa = keys.getPrivate().getAlgorithm().equals("RSA");
            // Go signs with SHA256WithRSA for an RSA key and ECDSAWithSHA256 (no parameters) for an EC key.
            AlgorithmIdentifier signatureAlgorithm = rsa
                    ? new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption, DERNull.INSTANCE)
                    : new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
            ASN1EncodableVector extensions = new ASN1EncodableVector();
            extensions.add(new Extension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.encipherOnly).getEncoded()));
            extensions.add(new Extension(Extension.basicConstraints, true, new BasicConstraints(true).getEncoded()));
            extensions.add(new Extension(Extension.subjectKeyIdentifier, false, subjectKeyId(keys).getEncoded()));
            ASN1EncodableVector tbs = new ASN1EncodableVector();
            tbs.add(new DERTaggedObject(true, 0, new ASN1Integer(2)));
            tbs.add(new ASN1Integer(serial));
            tbs.add(signatureAlgorithm);
            tbs.add(name);
            tbs.add(new DERSequence(new ASN1Encodable[] {new Time(Date.from(start)), new Time(Date.from(start.plus(ttl)))}));
            tbs.add(name);
            tbs.add(SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()));
            tbs.add(new DERTaggedObject(true, 3, new DERSequence(extensions)));
            byte[] tbsDer = new DERSequence(tbs).getEncoded(ASN1Encoding.DER);
            Signature signature = Signature.getInstance(rsa ? "SHA256withRSA" : "SHA256withECDSA");
            signature.initSign(keys.getPrivate());
            signature.update(tbsDer);
            ASN1EncodableVector certificate = new ASN1EncodableVector();
            certificate.add(ASN1Primitive.fromByteArray(tbsDer));
            certificate.add(signatureAlgorithm);
            certificate.add(new DERBitString(signature.sign()));
            return pem(new DERSequence(certificate).getEncoded(ASN1Encoding.DER));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A certificate for {@code keys} issued by a CA holding {@code ca} (issuer "CN=sealing-ca", subject
     * "CN=sealed-secret"), as someone bringing their own certificate might have it made.
     */
    public static String issuedBy(KeyPair ca, KeyPair keys) {
        try {
            Instant now = Instant.ofEpochSecond(Instant.now().getEpochSecond());
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name("CN=sealing-ca"),
                    BigInteger.valueOf(7), Date.from(now.minusSeconds(60)), Date.from(now.plus(Duration.ofDays(365))),
                    new X500Name("CN=sealed-secret"), keys.getPublic());
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyEncipherment));
            return pem(builder.build(signer(ca)).getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ContentSigner signer(KeyPair keys) throws Exception {
        String algorithm = keys.getPrivate().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        return new JcaContentSignerBuilder(algorithm).build(keys.getPrivate());
    }

    /** DER as PEM, the way Go's {@code pem.Encode} writes it (64 characters a line). */
    public static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }

    /** The certificate's DER bytes. */
    public static byte[] der(String pem) {
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    // Go (RFC 5280 4.2.1.2 method 1): SHA-1 of the subjectPublicKey BIT STRING's bytes.
    private static SubjectKeyIdentifier subjectKeyId(KeyPair keys) throws Exception {
        byte[] key = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()).getPublicKeyData().getBytes();
        return new SubjectKeyIdentifier(MessageDigest.getInstance("SHA-1").digest(key));
    }
}
