package dev.goldenpath.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The SARIF parts the linter and the review share. */
class SarifLogTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "apps/prod/api/deployment.yaml|apps/prod/api/deployment.yaml",
        "apps/prod/my app/deployment.yaml|apps/prod/my%20app/deployment.yaml",
        "apps/100%/x#1.yaml|apps/100%25/x%231.yaml",
        "apps/prod/bücher.yaml|apps/prod/b%C3%BCcher.yaml",
        "/tmp/in put.yaml|file:///tmp/in%20put.yaml",
        "C:\\work\\a.yaml|file:///C:/work/a.yaml"})
    void pathsBecomeOneValidUriReference(String path, String uri) {
        assertEquals(uri, SarifLog.uri(path));
        URI.create(uri); // throws when the reference is not valid RFC 3986
    }

    @Test
    void fingerprintsAreSha256InLowercaseHex() {
        // FIPS 180-2, appendix B.1: SHA-256("abc").
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", SarifLog.sha256("abc"));
    }

    @Test
    void aLogHasTheSchemaTheVersionAndOneRunOfTheTool() {
        SarifLog.Run run = SarifLog.start(new ObjectMapper(), "goldenpath-test");

        assertEquals("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\","
                + "\"runs\":[{\"tool\":{\"driver\":{\"name\":\"goldenpath-test\"}}}]}", run.log().toString());
    }
}
