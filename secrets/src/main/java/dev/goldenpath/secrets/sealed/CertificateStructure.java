package dev.goldenpath.secrets.sealed;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The fields of an X.509 certificate (RFC 5280 4.1) that sealing needs, read from DER with {@link Der}.
 * Names are kept as their encoded bytes: the controller's are empty ({@code 30 00}), which is valid
 * ASN.1 but which the JDK's certificate parser refuses.
 *
 * @param tbs                 the encoded TBSCertificate, which the signature covers
 * @param version             0 (v1), 1 (v2) or 2 (v3)
 * @param serialNumber        the serial number
 * @param tbsSignature        the encoded AlgorithmIdentifier inside the TBSCertificate
 * @param issuer              the encoded issuer Name
 * @param notBefore           start of the validity window
 * @param notAfter            end of the validity window
 * @param subject             the encoded subject Name
 * @param subjectPublicKeyInfo the encoded SubjectPublicKeyInfo, as {@code X509EncodedKeySpec} takes it
 * @param keyAlgorithm        the OID of the key's algorithm
 * @param extensions          the v3 extensions, in certificate order
 * @param signatureAlgorithm  the encoded outer AlgorithmIdentifier
 * @param signatureOid        the OID of the signature algorithm
 * @param signature           the signature bytes
 */
record CertificateStructure(byte[] tbs, int version, BigInteger serialNumber, byte[] tbsSignature, byte[] issuer,
                            Instant notBefore, Instant notAfter, byte[] subject, byte[] subjectPublicKeyInfo,
                            String keyAlgorithm, List<Extension> extensions, byte[] signatureAlgorithm,
                            String signatureOid, byte[] signature) {

    /** One v3 extension (RFC 5280 4.1, Extension). */
    record Extension(String oid, boolean critical, byte[] value) {
    }

    private static final int VERSION = 0xA0;
    private static final int ISSUER_UNIQUE_ID = 0x81;
    private static final int SUBJECT_UNIQUE_ID = 0x82;
    private static final int EXTENSIONS = 0xA3;

    static CertificateStructure parse(byte[] der) throws Der.Malformed {
        List<Der.Element> certificate = Der.parse(der).expect(Der.SEQUENCE, "Certificate").children();
        if (certificate.size() != 3) {
            throw new Der.Malformed("Certificate: expected 3 elements, found " + certificate.size());
        }
        Der.Element tbsElement = certificate.get(0).expect(Der.SEQUENCE, "TBSCertificate");
        Der.Element signatureAlgorithm = certificate.get(1).expect(Der.SEQUENCE, "signatureAlgorithm");
        byte[] signature = certificate.get(2).bitStringBytes("signatureValue");

        List<Der.Element> tbs = tbsElement.children();
        int at = 0;
        int version = 0;
        if (at < tbs.size() && tbs.get(at).tag() == VERSION) {
            List<Der.Element> explicit = tbs.get(at++).children();
            if (explicit.size() != 1) {
                throw new Der.Malformed("version: expected one INTEGER");
            }
            BigInteger value = explicit.get(0).integer("version");
            if (value.signum() < 0 || value.compareTo(BigInteger.TWO) > 0) {
                throw new Der.Malformed("version: " + value + " is not v1, v2 or v3");
            }
            version = value.intValue();
        }
        if (tbs.size() < at + 6) {
            throw new Der.Malformed("TBSCertificate: expected at least 6 fields after the version, found "
                    + (tbs.size() - at));
        }
        BigInteger serial = tbs.get(at++).integer("serialNumber");
        Der.Element tbsSignature = tbs.get(at++).expect(Der.SEQUENCE, "signature");
        Der.Element issuer = tbs.get(at++).expect(Der.SEQUENCE, "issuer");
        issuer.children();   // RDNSequence: its inside must be well-formed, even when we do not interpret it
        List<Der.Element> validity = tbs.get(at++).expect(Der.SEQUENCE, "validity").children();
        if (validity.size() != 2) {
            throw new Der.Malformed("validity: expected notBefore and notAfter");
        }
        Instant notBefore = validity.get(0).time("notBefore");
        Instant notAfter = validity.get(1).time("notAfter");
        Der.Element subject = tbs.get(at++).expect(Der.SEQUENCE, "subject");
        subject.children();
        Der.Element spki = tbs.get(at++).expect(Der.SEQUENCE, "subjectPublicKeyInfo");
        List<Der.Element> spkiFields = spki.children();
        if (spkiFields.size() != 2) {
            throw new Der.Malformed("subjectPublicKeyInfo: expected algorithm and subjectPublicKey");
        }
        String keyAlgorithm = algorithmOid(spkiFields.get(0), "subjectPublicKeyInfo.algorithm");
        spkiFields.get(1).bitStringBytes("subjectPublicKey");

        if (at < tbs.size() && tbs.get(at).tag() == ISSUER_UNIQUE_ID) {
            at++;
        }
        if (at < tbs.size() && tbs.get(at).tag() == SUBJECT_UNIQUE_ID) {
            at++;
        }
        List<Extension> extensions = List.of();
        if (at < tbs.size() && tbs.get(at).tag() == EXTENSIONS) {
            if (version != 2) {
                throw new Der.Malformed("extensions in a v" + (version + 1) + " certificate (RFC 5280 4.1.2.9: v3 only)");
            }
            extensions = extensions(tbs.get(at++));
        }
        if (at != tbs.size()) {
            throw new Der.Malformed("TBSCertificate: unexpected element with tag 0x"
                    + Integer.toHexString(tbs.get(at).tag()) + " at offset " + tbs.get(at).start());
        }
        return new CertificateStructure(tbsElement.encoded(), version, serial, tbsSignature.encoded(),
                issuer.encoded(), notBefore, notAfter, subject.encoded(), spki.encoded(), keyAlgorithm, extensions,
                signatureAlgorithm.encoded(), algorithmOid(signatureAlgorithm, "signatureAlgorithm"), signature);
    }

    /** Issuer and subject are the same name: the certificate claims to be signed by its own key. */
    boolean selfIssued() {
        return Arrays.equals(issuer, subject);
    }

    private static String algorithmOid(Der.Element algorithmIdentifier, String what) throws Der.Malformed {
        List<Der.Element> fields = algorithmIdentifier.expect(Der.SEQUENCE, what).children();
        if (fields.isEmpty() || fields.size() > 2) {
            throw new Der.Malformed(what + ": expected an OID and optional parameters");
        }
        return fields.get(0).oid(what);
    }

    private static List<Extension> extensions(Der.Element explicit) throws Der.Malformed {
        List<Der.Element> wrapper = explicit.children();
        if (wrapper.size() != 1) {
            throw new Der.Malformed("extensions: expected one SEQUENCE");
        }
        List<Extension> extensions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Der.Element element : wrapper.get(0).expect(Der.SEQUENCE, "extensions").children()) {
            List<Der.Element> fields = element.expect(Der.SEQUENCE, "extension").children();
            if (fields.size() < 2 || fields.size() > 3) {
                throw new Der.Malformed("extension at offset " + element.start() + ": expected 2 or 3 fields");
            }
            String oid = fields.get(0).oid("extnID");
            boolean critical = fields.size() == 3 && fields.get(1).bool("critical");
            byte[] value = fields.get(fields.size() - 1).expect(Der.OCTET_STRING, "extnValue").content();
            // RFC 5280 4.2: a certificate MUST NOT include more than one instance of an extension.
            if (!seen.add(oid)) {
                throw new Der.Malformed("extension " + oid + " appears twice (RFC 5280 4.2)");
            }
            extensions.add(new Extension(oid, critical, value));
        }
        return List.copyOf(extensions);
    }
}
