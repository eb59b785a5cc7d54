package dev.goldenpath.secrets.testing;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * Key pairs and self-signed X.509 certificates made at test time, so no private key is ever
 * committed. The JDK has no public certificate builder, hence the small DER encoder (X.690) for the
 * RFC 5280 structure below. Keys are generated once per test JVM because RSA key generation is slow.
 */
public final class TestCertificates {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private TestCertificates() {
    }

    /** The controller's current key pair (RSA 4096, the controller's default size). */
    public static KeyPair controllerKeys() {
        return Keys.CONTROLLER;
    }

    /** A second, renewed controller key pair (RSA 2048). */
    public static KeyPair renewedControllerKeys() {
        return Keys.RENEWED;
    }

    /**
     * A PEM certificate for the current controller key, valid from a day ago for ten years, with the empty
     * subject and issuer of a default install ({@code --my-cn} defaults to ""): the JDK cannot parse it,
     * so every test that seals with it exercises the real format. {@link ControllerCertificates} makes the
     * controller's full template (extensions too) within this module's tests.
     */
    public static String controllerCertificate() {
        return Keys.CONTROLLER_PEM;
    }

    /** A PEM certificate for the renewed controller key. */
    public static String renewedControllerCertificate() {
        return Keys.RENEWED_PEM;
    }

    /** A self-signed PEM certificate for {@code keys}, valid in [{@code notBefore}, {@code notAfter}]. */
    public static String selfSigned(KeyPair keys, String commonName, Instant notBefore, Instant notAfter) {
        try {
            boolean rsa = keys.getPublic().getAlgorithm().equals("RSA");
            byte[] algorithm = rsa
                    ? sequence(oid(1, 2, 840, 113549, 1, 1, 11), new byte[] {0x05, 0x00})   // sha256WithRSAEncryption
                    : sequence(oid(1, 2, 840, 10045, 4, 3, 2));                           // ecdsa-with-SHA256
            // An empty common name gives the empty Name, as Go's pkix.Name{CommonName: ""} does.
            byte[] name = commonName.isEmpty() ? sequence()
                    : sequence(set(sequence(oid(2, 5, 4, 3), tlv(0x0C, commonName.getBytes(StandardCharsets.UTF_8)))));
            byte[] tbs = sequence(
                    tlv(0xA0, integer(BigInteger.valueOf(2))),           // version v3
                    integer(BigInteger.valueOf(NOW.toEpochMilli())),     // serial number
                    algorithm,
                    name,
                    sequence(time(notBefore), time(notAfter)),
                    name,
                    keys.getPublic().getEncoded());                      // SubjectPublicKeyInfo
            Signature signer = Signature.getInstance(rsa ? "SHA256withRSA" : "SHA256withECDSA");
            signer.initSign(keys.getPrivate());
            signer.update(tbs);
            byte[] signature = signer.sign();
            byte[] bitString = new byte[signature.length + 1];        // leading byte: 0 unused bits
            System.arraycopy(signature, 0, bitString, 1, signature.length);
            byte[] certificate = sequence(tbs, algorithm, tlv(0x03, bitString));
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate)
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A self-signed certificate valid from a day ago for ten years. */
    public static String selfSigned(KeyPair keys, String commonName) {
        return selfSigned(keys, commonName, NOW.minus(1, ChronoUnit.DAYS), NOW.plus(3650, ChronoUnit.DAYS));
    }

    public static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair ec() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Instant now() {
        return NOW;
    }

    private static final class Keys {
        static final KeyPair CONTROLLER = rsa(4096);
        static final KeyPair RENEWED = rsa(2048);
        static final String CONTROLLER_PEM = selfSigned(CONTROLLER, "");
        static final String RENEWED_PEM = selfSigned(RENEWED, "sealed-secret");
    }

    // --- X.690 DER -------------------------------------------------------------------------------

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            byte[] digits = BigInteger.valueOf(length).toByteArray();
            int skip = digits[0] == 0 ? 1 : 0;
            out.write(0x80 | (digits.length - skip));
            out.write(digits, skip, digits.length - skip);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] sequence(byte[]... parts) {
        return tlv(0x30, concat(parts));
    }

    private static byte[] set(byte[]... parts) {
        return tlv(0x31, concat(parts));
    }

    private static byte[] integer(BigInteger value) {
        return tlv(0x02, value.toByteArray());
    }

    private static byte[] oid(long... arcs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        base128(out, arcs[0] * 40 + arcs[1]);
        for (int i = 2; i < arcs.length; i++) {
            base128(out, arcs[i]);
        }
        return tlv(0x06, out.toByteArray());
    }

    private static void base128(ByteArrayOutputStream out, long value) {
        int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(value) + 6) / 7);
        for (int i = groups - 1; i >= 0; i--) {
            out.write((int) ((value >>> (7 * i)) & 0x7F) | (i > 0 ? 0x80 : 0));
        }
    }

    // RFC 5280 4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050.
    private static byte[] time(Instant instant) {
        int year = instant.atZone(ZoneOffset.UTC).getYear();
        boolean utc = year >= 1950 && year < 2050;
        String text = DateTimeFormatter.ofPattern(utc ? "yyMMddHHmmss'Z'" : "yyyyMMddHHmmss'Z'")
                .withZone(ZoneOffset.UTC).format(instant);
        return tlv(utc ? 0x17 : 0x18, text.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
