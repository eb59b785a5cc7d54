package dev.goldenpath.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Secret, SealedSecret and ExternalSecret objects added or removed, and the keys of each that were added, removed or
 * changed. Values are compared by SHA-256 fingerprints and never shown: not the ciphertext, not the plaintext of a
 * Secret, not an ExternalSecret's remote reference.
 */
final class SecretReview {

    private SecretReview() {
    }

    static List<Change> between(List<Manifest> base, List<Manifest> head) {
        Map<String, Manifest> beforeObjects = new TreeMap<>();
        Map<String, Manifest> afterObjects = new TreeMap<>();
        base.stream().filter(SecretReview::isSecret).forEach(m -> beforeObjects.put(m.key(), m));
        head.stream().filter(SecretReview::isSecret).forEach(m -> afterObjects.put(m.key(), m));
        List<Change> changes = new ArrayList<>();
        afterObjects.forEach((key, now) -> {
            Map<String, String> keys = keys(now);
            Manifest was = beforeObjects.get(key);
            if (was == null) {
                boolean plaintext = now.kind().equals("Secret");
                changes.add(new Change(Section.SECRETS, "secret-added", '+', plaintext ? Impact.WIDENS : Impact.REVIEW,
                        now.environment(), now.id(), now.id() + (plaintext ? " (plaintext Secret)" : "") + ": keys "
                        + String.join(", ", keys.keySet()), now.path()));
                return;
            }
            Map<String, String> old = keys(was);
            List<String> parts = new ArrayList<>();
            Set<String> added = new TreeSet<>(keys.keySet());
            added.removeAll(old.keySet());
            Set<String> removed = new TreeSet<>(old.keySet());
            removed.removeAll(keys.keySet());
            Set<String> changed = new TreeSet<>();
            keys.forEach((name, fingerprint) -> {
                if (old.containsKey(name) && !old.get(name).equals(fingerprint)) {
                    changed.add(name);
                }
            });
            if (!added.isEmpty()) {
                parts.add("keys added " + String.join(", ", added));
            }
            if (!removed.isEmpty()) {
                parts.add("keys removed " + String.join(", ", removed));
            }
            if (!changed.isEmpty()) {
                parts.add("values changed " + String.join(", ", changed));
            }
            if (!parts.isEmpty()) {
                changes.add(new Change(Section.SECRETS, "secret-changed", '!', Impact.REVIEW, now.environment(), now.id(),
                        now.id() + ": " + String.join("; ", parts), now.path()));
            }
        });
        beforeObjects.forEach((key, was) -> {
            if (!afterObjects.containsKey(key)) {
                changes.add(new Change(Section.SECRETS, "secret-removed", '-', Impact.NARROWS, was.environment(), was.id(),
                        was.id() + ": keys " + String.join(", ", keys(was).keySet()), was.path()));
            }
        });
        return changes;
    }

    private static boolean isSecret(Manifest manifest) {
        return (manifest.kind().equals("Secret") && manifest.group().isEmpty())
                || (manifest.kind().equals("SealedSecret") && manifest.group().equals("bitnami.com"))
                || (manifest.kind().equals("ExternalSecret") && manifest.group().equals("external-secrets.io"));
    }

    /** Each key of the secret with a fingerprint of what it holds (the value, ciphertext or remote reference). */
    private static Map<String, String> keys(Manifest manifest) {
        Map<String, String> keys = new TreeMap<>();
        JsonNode body = manifest.body();
        switch (manifest.kind()) {
            case "Secret" -> {
                body.path("data").fields().forEachRemaining(e -> keys.put(e.getKey(), fingerprint(e.getValue())));
                body.path("stringData").fields().forEachRemaining(e -> keys.put(e.getKey(), fingerprint(e.getValue())));
            }
            case "SealedSecret" -> body.path("spec").path("encryptedData").fields()
                    .forEachRemaining(e -> keys.put(e.getKey(), fingerprint(e.getValue())));
            default -> {
                for (JsonNode data : body.path("spec").path("data")) {
                    keys.put(data.path("secretKey").asText(), fingerprint(data.path("remoteRef")));
                }
                int i = 0;
                for (JsonNode data : body.path("spec").path("dataFrom")) {
                    keys.put("dataFrom[" + i++ + "]", fingerprint(data));
                }
                keys.put("(secret store)", fingerprint(body.path("spec").path("secretStoreRef")));
            }
        }
        return keys;
    }

    private static String fingerprint(JsonNode value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
