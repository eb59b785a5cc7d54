package dev.goldenpath.secrets.sealed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The spec of a {@link SealedSecret}: one base64 ciphertext per Secret key, and the template of the
 * Secret. Keys are kept sorted so the serialized form is stable.
 *
 * <pre>{@code
 * String ciphertext = sealed.getSpec().encryptedData().get("password");
 * }</pre>
 *
 * @param encryptedData Secret key to base64 of the upstream hybrid ciphertext (required by the CRD,
 *                      hence serialized even when empty)
 * @param template      metadata and type of the Secret the controller creates
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"encryptedData", "template"})
@JsonIgnoreProperties({"data"})
public record SealedSecretSpec(
        @JsonInclude(JsonInclude.Include.ALWAYS) Map<String, String> encryptedData,
        SecretTemplate template) {

    public SealedSecretSpec {
        encryptedData = encryptedData == null ? Map.of()
                : Collections.unmodifiableMap(new TreeMap<>(encryptedData));
        template = template == null ? new SecretTemplate(null, null, null) : template;
    }
}
