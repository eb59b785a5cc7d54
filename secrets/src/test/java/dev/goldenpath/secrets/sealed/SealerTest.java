package dev.goldenpath.secrets.sealed;

import static dev.goldenpath.secrets.testing.Controller.hybridDecrypt;
import static dev.goldenpath.secrets.testing.Controller.text;
import static dev.goldenpath.secrets.testing.Controller.unseal;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.secrets.SecretValue;
import dev.goldenpath.secrets.testing.Controller;
import dev.goldenpath.secrets.testing.TestCertificates;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SealerTest {

    private static final SealingCertificate CERT = SealingCertificate.fromPem(TestCertificates.controllerCertificate());
    private static final SealingCertificate RENEWED =
            SealingCertificate.fromPem(TestCertificates.renewedControllerCertificate());
    private static final PrivateKey PRIVATE = TestCertificates.controllerKeys().getPrivate();
    private static final PrivateKey RENEWED_PRIVATE = TestCertificates.renewedControllerKeys().getPrivate();
    private static final SealingKey KEY = SealingKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]));
    private static final SealingKey OTHER_KEY = SealingKey.generate();

    @ParameterizedTest
    @EnumSource(Scope.Kind.class)
    void controllerUnsealsEveryScope(Scope.Kind kind) throws Exception {
        for (Sealer sealer : new Sealer[] {Sealer.with(CERT), Sealer.with(CERT).deterministic(KEY)}) {
            SealedSecret sealed = sealer.secret("payments", "db-creds")
                    .scope(kind)
                    .value("username", SecretValue.of("payments"))
                    .value("password", SecretValue.of("correct horse battery staple".toCharArray()))
                    .value("empty", SecretValue.of(""))
                    .seal();

            Map<String, byte[]> data = unseal(sealed, PRIVATE);
            assertEquals("payments", text(data.get("username")));
            assertEquals("correct horse battery staple", text(data.get("password")));
            assertEquals("", text(data.get("empty")));
            assertEquals(kind, sealed.scope().kind());
        }
    }

    @Test
    void scopeAnnotationsMarkTheSealedSecretAndItsTemplateAsUpstreamDoes() {
        SealedSecret strict = Sealer.with(CERT).secret("ns", "s").value("k", SecretValue.of("v")).seal();
        SealedSecret wide = Sealer.with(CERT).secret("ns", "s").scope(Scope.Kind.NAMESPACE_WIDE)
                .value("k", SecretValue.of("v")).seal();
        SealedSecret cluster = Sealer.with(CERT).secret("ns", "s").scope(Scope.Kind.CLUSTER_WIDE)
                .value("k", SecretValue.of("v")).seal();

        assertNull(strict.getMetadata().getAnnotations());
        assertTrue(strict.getSpec().template().metadata().annotations().isEmpty());
        assertEquals(Map.of("sealedsecrets.bitnami.com/namespace-wide", "true"), wide.getMetadata().getAnnotations());
        assertEquals(Map.of("sealedsecrets.bitnami.com/namespace-wide", "true"),
                wide.getSpec().template().metadata().annotations());
        assertEquals(Map.of("sealedsecrets.bitnami.com/cluster-wide", "true"), cluster.getMetadata().getAnnotations());
    }

    @Test
    void rawValueOpensOnlyUnderItsOwnLabel() throws Exception {
        Sealer sealer = Sealer.with(CERT);
        byte[] strict = decode(sealer.seal(SecretValue.of("s3cr3t"), Scope.strict("payments", "db-creds")));
        byte[] wide = decode(sealer.seal(SecretValue.of("s3cr3t"), Scope.namespaceWide("payments")));
        byte[] cluster = decode(sealer.seal(SecretValue.of("s3cr3t"), Scope.clusterWide()));

        assertEquals("s3cr3t", text(hybridDecrypt(PRIVATE, strict, label("payments/db-creds"))));
        assertEquals("s3cr3t", text(hybridDecrypt(PRIVATE, wide, label("payments"))));
        assertEquals("s3cr3t", text(hybridDecrypt(PRIVATE, cluster, label(""))));

        // Strict: another namespace, another name, or a wider scope all fail at RSA-OAEP label check.
        assertThrows(GeneralSecurityException.class, () -> hybridDecrypt(PRIVATE, strict, label("billing/db-creds")));
        assertThrows(GeneralSecurityException.class, () -> hybridDecrypt(PRIVATE, strict, label("payments/other")));
        assertThrows(GeneralSecurityException.class, () -> hybridDecrypt(PRIVATE, strict, label("payments")));
        assertThrows(GeneralSecurityException.class, () -> hybridDecrypt(PRIVATE, strict, label("")));
        assertThrows(GeneralSecurityException.class, () -> hybridDecrypt(PRIVATE, wide, label("billing")));
    }

    @Test
    void strictSealedSecretMovedToAnotherNameOrNamespaceDoesNotUnseal() {
        SealedSecret sealed = Sealer.with(CERT).deterministic(KEY).secret("payments", "db-creds")
                .value("password", SecretValue.of("s3cr3t")).seal();

        SealedSecret renamed = new SealedSecret(
                new ObjectMetaBuilder(sealed.getMetadata()).withName("stolen").build(),
                sealed.getSpec());
        SealedSecret moved = new SealedSecret(
                new ObjectMetaBuilder(sealed.getMetadata()).withNamespace("attacker").build(),
                sealed.getSpec());

        assertThrows(GeneralSecurityException.class, () -> unseal(renamed, PRIVATE));
        assertThrows(GeneralSecurityException.class, () -> unseal(moved, PRIVATE));
    }

    @Test
    void namespaceWideValueWorksUnderAnyNameInItsNamespaceOnly() throws Exception {
        byte[] sealed = decode(Sealer.with(CERT).seal(SecretValue.of("s3cr3t"), Scope.namespaceWide("payments")));
        assertEquals("s3cr3t", text(hybridDecrypt(PRIVATE, sealed,
                Controller.label("payments", "any-name",
                        Map.of("sealedsecrets.bitnami.com/namespace-wide", "true")))));
        assertThrows(GeneralSecurityException.class, () -> hybridDecrypt(PRIVATE, sealed,
                Controller.label("payments", "any-name", Map.of())));
    }

    @Test
    void tamperedCiphertextFailsAuthentication() {
        byte[] sealed = decode(Sealer.with(CERT).seal(SecretValue.of("s3cr3t"), Scope.strict("ns", "name")));
        byte[] label = label("ns/name");

        byte[] aesTampered = sealed.clone();
        aesTampered[aesTampered.length - 20] ^= 0x01;                        // inside the GCM ciphertext
        assertThrows(AEADBadTagException.class, () -> hybridDecrypt(PRIVATE, aesTampered, label));

        byte[] tagTampered = sealed.clone();
        tagTampered[tagTampered.length - 1] ^= 0x01;                         // inside the GCM tag
        assertThrows(AEADBadTagException.class, () -> hybridDecrypt(PRIVATE, tagTampered, label));

        byte[] rsaTampered = sealed.clone();
        rsaTampered[10] ^= 0x01;                                             // inside the wrapped session key
        assertThrows(GeneralSecurityException.class, () -> hybridDecrypt(PRIVATE, rsaTampered, label));

        byte[] truncated = Arrays.copyOf(sealed, 200);
        assertThrows(GeneralSecurityException.class, () -> hybridDecrypt(PRIVATE, truncated, label));
    }

    @Test
    void layoutIsLengthPrefixRsaCiphertextThenGcmCiphertextWithTag() {
        byte[] plaintext = "twelve bytes".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = decode(Sealer.with(CERT).seal(SecretValue.ofBytes(plaintext), Scope.clusterWide()));
        int rsaLength = ((sealed[0] & 0xFF) << 8) | (sealed[1] & 0xFF);

        assertEquals(512, rsaLength, "RSA-4096 ciphertext is 512 bytes");
        assertEquals(2 + 512 + plaintext.length + 16, sealed.length, "GCM adds a 16-byte tag and no nonce");
    }

    @Test
    void oaepUsesSha256ForTheHashAndForMgf1LikeGo() throws Exception {
        // Go's rsa.EncryptOAEP(sha256.New(), ...) uses SHA-256 for MGF1 too, while the JDK's
        // OAEPWithSHA-256AndMGF1Padding defaults MGF1 to SHA-1. Decode EME-OAEP by hand (RFC 8017
        // section 7.1.2) after a raw RSA decryption, so no JDK OAEP parameter handling is involved.
        byte[] sealed = decode(Sealer.with(CERT).seal(SecretValue.of("v"), Scope.strict("ns", "name")));
        int k = ((sealed[0] & 0xFF) << 8) | (sealed[1] & 0xFF);
        javax.crypto.Cipher raw = Cipher.getInstance("RSA/ECB/NoPadding");
        raw.init(Cipher.DECRYPT_MODE, PRIVATE);
        byte[] em = new byte[k];
        byte[] m = raw.doFinal(sealed, 2, k);
        System.arraycopy(m, 0, em, k - m.length, m.length);

        int hLen = 32;
        byte[] maskedSeed = Arrays.copyOfRange(em, 1, 1 + hLen);
        byte[] maskedDb = Arrays.copyOfRange(em, 1 + hLen, k);
        byte[] seed = xor(maskedSeed, mgf1Sha256(maskedDb, hLen));
        byte[] db = xor(maskedDb, mgf1Sha256(seed, k - hLen - 1));

        assertEquals(0, em[0]);
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(label("ns/name")),
                Arrays.copyOf(db, hLen), "lHash = SHA-256(label)");
        int one = hLen;
        while (db[one] == 0) {
            one++;
        }
        assertEquals(1, db[one]);
        assertEquals(32, db.length - one - 1, "the message is the 32-byte AES-256 session key");
    }

    private static byte[] mgf1Sha256(byte[] seed, int length) throws Exception {
        java.io.ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int counter = 0; out.size() < length; counter++) {
            java.security.MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(seed);
            sha256.update(ByteBuffer.allocate(4).putInt(counter).array());
            out.writeBytes(sha256.digest());
        }
        return Arrays.copyOf(out.toByteArray(), length);
    }

    private static byte[] xor(byte[] a, byte[] b) {
        byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (byte) (a[i] ^ b[i]);
        }
        return out;
    }

    @Test
    void freshSealingNeverRepeatsCiphertext() {
        Sealer sealer = Sealer.with(CERT);
        assertNotEquals(sealer.seal(SecretValue.of("same"), Scope.clusterWide()),
                sealer.seal(SecretValue.of("same"), Scope.clusterWide()));
    }

    @Test
    void deterministicSealingRepeatsCiphertextForEqualInputsOnly() throws Exception {
        Sealer sealer = Sealer.with(CERT).deterministic(KEY);
        Scope scope = Scope.strict("payments", "db-creds");
        String first = sealer.seal(SecretValue.of("same"), scope);

        assertEquals(first, sealer.seal(SecretValue.of("same"), scope));
        assertEquals(first, Sealer.with(CERT).deterministic(KEY).seal(SecretValue.of("same"), scope));
        assertNotEquals(first, sealer.seal(SecretValue.of("other"), scope), "plaintext changed");
        assertNotEquals(first, sealer.seal(SecretValue.of("same"), Scope.strict("payments", "other")), "scope changed");
        assertNotEquals(first, Sealer.with(CERT).deterministic(OTHER_KEY).seal(SecretValue.of("same"), scope),
                "sealing key changed");
        assertEquals("same", text(hybridDecrypt(PRIVATE, decode(first), label("payments/db-creds"))));
    }

    @Test
    void deterministicSecretChangesOnlyTheChangedKey() {
        Sealer sealer = Sealer.with(CERT).deterministic(KEY);
        SealedSecret before = sealer.secret("payments", "db-creds")
                .value("username", SecretValue.of("app")).value("password", SecretValue.of("old")).seal();
        SealedSecret after = sealer.secret("payments", "db-creds")
                .value("password", SecretValue.of("new")).value("username", SecretValue.of("app")).seal();

        assertEquals(before.getSpec().encryptedData().get("username"), after.getSpec().encryptedData().get("username"));
        assertNotEquals(before.getSpec().encryptedData().get("password"), after.getSpec().encryptedData().get("password"));
        assertEquals(sealer.secret("payments", "db-creds").value("username", SecretValue.of("app"))
                .value("password", SecretValue.of("old")).seal(), before, "equal inputs, equal objects");
    }

    @Test
    void equalValuesUnderDifferentKeysOrSecretsGiveUnrelatedCiphertext() {
        // Deterministic encryption leaks equality; binding the item keeps that leak inside one key.
        Sealer sealer = Sealer.with(CERT).deterministic(KEY);
        SealedSecret a = sealer.secret("payments", "a").scope(Scope.Kind.CLUSTER_WIDE)
                .value("x", SecretValue.of("same")).value("y", SecretValue.of("same")).seal();
        SealedSecret b = sealer.secret("payments", "b").scope(Scope.Kind.CLUSTER_WIDE)
                .value("x", SecretValue.of("same")).seal();

        assertNotEquals(a.getSpec().encryptedData().get("x"), a.getSpec().encryptedData().get("y"));
        assertNotEquals(a.getSpec().encryptedData().get("x"), b.getSpec().encryptedData().get("x"));
    }

    @Test
    void previousCiphertextSurvivesCertificateRenewalUntilItsValueChanges() throws Exception {
        SealedSecret lastMonth = Sealer.with(CERT).deterministic(KEY).secret("payments", "db-creds")
                .value("username", SecretValue.of("app")).value("password", SecretValue.of("old")).seal();

        SealedSecret now = Sealer.with(RENEWED).deterministic(KEY).secret("payments", "db-creds")
                .value("username", SecretValue.of("app")).value("password", SecretValue.of("new"))
                .previous(lastMonth)
                .seal();

        assertEquals(lastMonth.getSpec().encryptedData().get("username"), now.getSpec().encryptedData().get("username"));
        assertNotEquals(lastMonth.getSpec().encryptedData().get("password"), now.getSpec().encryptedData().get("password"));
        // The controller keeps old keys after renewal: the kept value opens with the old key,
        // the re-sealed one with the new key.
        byte[] label = label("payments/db-creds");
        assertEquals("app", text(hybridDecrypt(PRIVATE, decode(now.getSpec().encryptedData().get("username")), label)));
        assertEquals("new", text(hybridDecrypt(RENEWED_PRIVATE,
                decode(now.getSpec().encryptedData().get("password")), label)));
    }

    @Test
    void previousRenderIsNotTrustedAcrossScopesNamesOrSealingKeys() {
        SealedSecret previous = Sealer.with(CERT).deterministic(KEY).secret("payments", "db-creds")
                .value("password", SecretValue.of("same")).seal();
        String old = previous.getSpec().encryptedData().get("password");

        assertNotEquals(old, Sealer.with(RENEWED).deterministic(KEY).secret("payments", "db-creds")
                .scope(Scope.Kind.NAMESPACE_WIDE).value("password", SecretValue.of("same")).previous(previous).seal()
                .getSpec().encryptedData().get("password"));
        assertNotEquals(old, Sealer.with(RENEWED).deterministic(KEY).secret("payments", "renamed")
                .value("password", SecretValue.of("same")).previous(previous).seal()
                .getSpec().encryptedData().get("password"));
        assertNotEquals(old, Sealer.with(RENEWED).deterministic(OTHER_KEY).secret("payments", "db-creds")
                .value("password", SecretValue.of("same")).previous(previous).seal()
                .getSpec().encryptedData().get("password"));
    }

    @Test
    void reuseWithoutSealingKeyIsRefused() {
        SealedSecret previous = Sealer.with(CERT).secret("ns", "name").value("k", SecretValue.of("v")).seal();
        IllegalStateException error = assertThrows(IllegalStateException.class, () ->
                Sealer.with(CERT).secret("ns", "name").value("k", SecretValue.of("v")).previous(previous).seal());
        assertTrue(error.getMessage().contains("sealing key"));
    }

    @Test
    void fingerprintsAreWrittenOnlyByDeterministicSealersAndNeverReachTheSecret() {
        SealedSecret fresh = Sealer.with(CERT).secret("ns", "name").value("k", SecretValue.of("v")).seal();
        SealedSecret deterministic = Sealer.with(CERT).deterministic(KEY).secret("ns", "name")
                .value("b", SecretValue.of("v")).value("a", SecretValue.of("v")).seal();

        assertNull(fresh.getMetadata().getAnnotations());
        String fingerprints = deterministic.getMetadata().getAnnotations().get(Sealer.FINGERPRINTS_ANNOTATION);
        assertTrue(fingerprints.matches("a=[A-Za-z0-9_-]{22},b=[A-Za-z0-9_-]{22}"), fingerprints);
        assertFalse(deterministic.getSpec().template().metadata().annotations()
                .containsKey(Sealer.FINGERPRINTS_ANNOTATION));
    }

    @Test
    void invalidInputIsReportedAllAtOnceWithoutQuotingValues() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () ->
                Sealer.with(CERT).secret("Payments", "")
                        .value("bad key!", SecretValue.of("hunter2"))
                        .label("app", "not a label value")
                        .annotation(Scope.CLUSTER_WIDE_ANNOTATION, "true")
                        .seal());
        String message = error.getMessage();
        assertTrue(message.contains("namespace 'Payments' is not a DNS-1123 label"), message);
        assertTrue(message.contains("name is required"), message);
        assertTrue(message.contains("key 'bad key!' is not a valid Secret key"), message);
        assertTrue(message.contains("label 'app' has value 'not a label value'"), message);
        assertTrue(message.contains("is set by scope(...)"), message);
        assertFalse(message.contains("hunter2"), message);
    }

    @Test
    void alreadySealedValuesAssembleIntoTheSameSealedSecret() throws Exception {
        Sealer sealer = Sealer.with(CERT);
        String password = sealer.seal(SecretValue.of("s3cr3t"), Scope.namespaceWide("payments"));

        SealedSecret assembled = SealedSecret.builder("payments", "db-creds")
                .scope(Scope.Kind.NAMESPACE_WIDE)
                .type("kubernetes.io/basic-auth")
                .encryptedValue("password", password)
                .build();

        assertEquals("s3cr3t", text(unseal(assembled, PRIVATE).get("password")));
        assertEquals(Map.of("sealedsecrets.bitnami.com/namespace-wide", "true"), assembled.getMetadata().getAnnotations());
    }

    @Test
    void alreadySealedValuesMustLookSealed() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () ->
                SealedSecret.builder("payments", "db-creds")
                        .encryptedValue("plain", "hunter2")
                        .encryptedValue("short", Base64.getEncoder().encodeToString(new byte[40]))
                        .build());
        assertTrue(error.getMessage().contains("value of key 'plain' is not base64 of a sealed-secrets ciphertext"),
                error.getMessage());
        assertTrue(error.getMessage().contains("value of key 'short'"), error.getMessage());
        assertFalse(error.getMessage().contains("hunter2"));
    }

    @Test
    void emptySecretIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Sealer.with(CERT).secret("ns", "name").seal());
    }

    @Test
    void secretsAndKeysNeverPrintThemselves() {
        SecretValue value = SecretValue.of("hunter2");
        SealingKey key = SealingKey.generate();
        Sealer sealer = Sealer.with(CERT).deterministic(key);

        assertEquals("SecretValue[redacted]", value.toString());
        assertEquals("SealingKey[redacted]", key.toString());
        assertFalse(sealer.toString().contains(key.toBase64()));
        value.destroy();
        assertTrue(value.isDestroyed());
        assertThrows(IllegalStateException.class, value::bytes);
    }

    @Test
    void sealingKeyMustHoldAtLeast32BytesAndIsNeverQuoted() {
        IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
                () -> SealingKey.fromBase64(Base64.getEncoder().encodeToString("short-key".getBytes(StandardCharsets.UTF_8))));
        assertTrue(tooShort.getMessage().contains("at least 32"), tooShort.getMessage());
        IllegalArgumentException notBase64 = assertThrows(IllegalArgumentException.class,
                () -> SealingKey.fromBase64("not base64 at all!"));
        assertFalse(notBase64.getMessage().contains("not base64 at all!"));
        SealingKey generated = SealingKey.generate();
        assertEquals(Sealer.with(CERT).deterministic(generated).seal(SecretValue.of("v"), Scope.clusterWide()),
                Sealer.with(CERT).deterministic(SealingKey.fromBase64(generated.toBase64()))
                        .seal(SecretValue.of("v"), Scope.clusterWide()));
    }

    @Test
    void sealingKeyFilesMayHoldSurroundingWhitespaceAndEitherBase64Alphabet(@TempDir Path dir) throws Exception {
        byte[] material = new byte[32];
        Arrays.fill(material, (byte) 0xFB);                      // base64 "+/" vs base64url "-_"
        Path standard = Files.writeString(dir.resolve("standard.key"),
                "  " + Base64.getEncoder().encodeToString(material) + "\n");
        Path urlSafe = Files.writeString(dir.resolve("url.key"), Base64.getUrlEncoder().encodeToString(material));

        String expected = Sealer.with(CERT).deterministic(SealingKey.fromBase64(Base64.getEncoder()
                .encodeToString(material))).seal(SecretValue.of("v"), Scope.clusterWide());
        assertEquals(expected, Sealer.with(CERT).deterministic(SealingKey.fromFile(standard))
                .seal(SecretValue.of("v"), Scope.clusterWide()));
        assertEquals(expected, Sealer.with(CERT).deterministic(SealingKey.fromFile(urlSafe))
                .seal(SecretValue.of("v"), Scope.clusterWide()));
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64);
    }

    private static byte[] label(String label) {
        return label.getBytes(StandardCharsets.UTF_8);
    }
}
