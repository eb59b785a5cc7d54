package dev.goldenpath.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

    private static Cidr cidr(String text) {
        return Cidr.parse(text).orElseThrow(() -> new AssertionError("not parsed: " + text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/8", "0.0.0.0/0", "192.168.1.1/32", "2001:db8::/32", "::/0", "::1/128"})
    void parsesIpv4AndIpv6Blocks(String text) {
        assertTrue(cidr(text).canonical());
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0", "10.0.0.0/33", "2001:db8::/129", "10.0.0.0/-1", "10.0.0.0/", "10/8",
        "example.com/24", "localhost/8", "10.0.0.0/8/8", "::ffff:10.0.0.1/128", "10.0.0.0/ 8", "1.2.3.4.5/32", "",
        "10.0.0.0/+8", "10.0.0.0/\u0668"})
    void refusesWhatIsNoIpLiteralWithAPrefix(String text) {
        assertTrue(Cidr.parse(text).isEmpty(), text);
    }

    /**
     * The JDK reads BSD short forms ({@code 10.1} = 10.0.0.1) and leading zeros; Go's parser, and so the API server,
     * refuses the short forms, and other tools read a leading zero as octal. A block that would render but not apply
     * is refused, in IPv4 text and in the dotted tail of IPv6 text.
     */
    @ParameterizedTest
    @ValueSource(strings = {"10.1/16", "10.0.1/24", "1.2.3/24", "10/8", "1.2.3.04/32", "010.1.1.1/8", "1.2.3.256/32",
        "1.2.3.-1/32", "::1.2.3.04/128", "::1.2.3/128", "0x1.2.3.4/32"})
    void refusesShortFormsLeadingZerosAndOctetsOutOfRange(String text) {
        assertTrue(Cidr.parse(text).isEmpty(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"100.64.0.0/10", "255.255.255.255/32", "192.0.2.10/31", "64:ff9b::/96", "64:ff9b::192.0.2.0/120"})
    void readsEveryOctetFrom0To255(String text) {
        assertTrue(Cidr.parse(text).isPresent(), text);
    }

    @Test
    void hostBitsAreIgnoredAsKubernetesDoesButReportedAsNotCanonical() {
        Cidr block = cidr("10.1.2.3/8");
        assertFalse(block.canonical());
        assertEquals("10.0.0.0", block.format(block.first()));
        assertEquals("10.255.255.255", block.format(block.last()));
    }

    @Test
    void containsBlocksOfTheSameFamilyWithALongerPrefix() {
        assertTrue(cidr("10.0.0.0/8").contains(cidr("10.1.0.0/16")));
        assertTrue(cidr("10.0.0.0/8").contains(cidr("10.0.0.0/8")));
        assertFalse(cidr("10.1.0.0/16").contains(cidr("10.0.0.0/8")));
        assertFalse(cidr("10.0.0.0/8").contains(cidr("11.0.0.0/16")));
        assertFalse(cidr("0.0.0.0/0").contains(cidr("::/0")));
        assertTrue(cidr("::/0").contains(cidr("2001:db8::/32")));
    }

    @Test
    void containsAddresses() {
        Cidr block = cidr("192.168.0.0/24");
        assertTrue(block.contains(BigInteger.valueOf(0xC0A800FFL)));
        assertFalse(block.contains(BigInteger.valueOf(0xC0A80100L)));
    }

    @Test
    void everyAddressIsPrefixZero() {
        assertTrue(cidr("0.0.0.0/0").everyAddress());
        assertTrue(cidr("::/0").everyAddress());
        assertFalse(cidr("0.0.0.0/1").everyAddress());
    }
}
