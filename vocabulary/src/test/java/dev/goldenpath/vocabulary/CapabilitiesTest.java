package dev.goldenpath.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CapabilitiesTest {

    @Test
    void baselineIsTheRuntimeDefaultSetWithoutNetRaw() {
        assertFalse(Capabilities.PSS_BASELINE.contains("NET_RAW"), "NET_RAW lets a container forge packets");
        assertFalse(Capabilities.PSS_BASELINE.contains("SYS_ADMIN"));
        assertTrue(Capabilities.PSS_BASELINE.contains(Capabilities.PSS_RESTRICTED_ADDABLE),
                "what restricted allows, baseline allows too");
        assertEquals(13, Capabilities.PSS_BASELINE.size());
    }
}
