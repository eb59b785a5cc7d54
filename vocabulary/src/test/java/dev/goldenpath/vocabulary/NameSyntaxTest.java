package dev.goldenpath.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameSyntaxTest {

    @ParameterizedTest
    @CsvSource({"payments, true, true, true", "1st, true, false, true", "a.b, false, false, true", "-a, false, false, false",
        "a-, false, false, false", "A, false, false, false", "'', false, false, false",
        "a23456789012345678901234567890123456789012345678901234567890123, true, true, true",
        "a234567890123456789012345678901234567890123456789012345678901234, false, false, true"})
    void dnsNames(String name, boolean label, boolean dns1035, boolean subdomain) {
        assertEquals(label, NameSyntax.isDns1123Label(name), "label " + name);
        assertEquals(dns1035, NameSyntax.isDns1035Label(name), "dns1035 " + name);
        assertEquals(subdomain, NameSyntax.isDns1123Subdomain(name), "subdomain " + name);
    }

    @ParameterizedTest
    @CsvSource({"tier, true", "example.com/tier, true", "Example.com/tier, false", "/tier, false", "example.com/, false",
        "a_b.C-d, true", "_a, false", "example.com/a/b, false"})
    void qualifiedNames(String key, boolean valid) {
        assertEquals(valid, NameSyntax.isQualifiedName(key), key);
    }

    @ParameterizedTest
    @CsvSource({"'', true", "v1.2_3-A, true", "-v, false", "v., false"})
    void labelValues(String value, boolean valid) {
        assertEquals(valid, NameSyntax.isLabelValue(value), value);
    }

    @ParameterizedTest
    @CsvSource({"http, true", "grpc-web, true", "8080, false", "a--b, false", "http-metrics-abc, false", "'', false"})
    void ianaServiceNames(String name, boolean valid) {
        assertEquals(valid, NameSyntax.isIanaServiceName(name), name);
    }
}
