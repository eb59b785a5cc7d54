package dev.goldenpath.secrets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecretValueTest {

    @Test
    void encodesCharactersAsUtf8() {
        char[] typed = "pässwörd €".toCharArray();
        assertArrayEquals("pässwörd €".getBytes(StandardCharsets.UTF_8), SecretValue.of(typed).bytes());
        assertEquals('p', typed[0], "the caller's array is the caller's to wipe");
    }

    @Test
    void handsOutCopiesSoCallersCanWipeThem() {
        SecretValue value = SecretValue.ofBytes(new byte[] {1, 2, 3});
        byte[] copy = value.bytes();
        copy[0] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, value.bytes());
    }

    @Test
    void destroyWipesAndForbidsFurtherUse() {
        SecretValue value = SecretValue.of("hunter2");
        try (value) {
            assertFalse(value.isDestroyed());
        }
        assertTrue(value.isDestroyed());
        IllegalStateException error = assertThrows(IllegalStateException.class, value::bytes);
        assertFalse(error.getMessage().contains("hunter2"));
    }

    @Test
    void neverPrintsItself() {
        assertEquals("SecretValue[redacted]", SecretValue.of("hunter2").toString());
        assertEquals("SecretValue[redacted]", SecretValue.of("").toString(), "not even the length");
    }

    @Test
    void rejectsBrokenTextWithoutQuotingIt() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SecretValue.of(new char[] {'h', '\uD800', 'x'}));
        assertEquals("secret value is not valid UTF-16 text (unpaired surrogate)", error.getMessage());
    }
}
