package dev.goldenpath.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

class XmlTextTest {

    @Test
    void escapesMarkupAndReplacesWhatXmlCannotHold() {
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; \uFFFD", XmlText.escape("a <b> & \"c\" 'd' \u0001"));
        // A lone surrogate (from a JSON-escaped YAML string, say) is no XML character; a pair is one character.
        assertEquals("x\uFFFDy\uFFFDz", XmlText.escape("x\uD800y\uDC00z"));
        assertEquals("\uD83D\uDE80", XmlText.escape("\uD83D\uDE80"));
        assertEquals("\uFFFD\uFFFD", XmlText.escape("\uFFFE\uFFFF"));
    }

    @Test
    void whatItWritesIsWellFormedXml() throws Exception {
        String hostile = "ok \u0000 \uD800 \uFFFF <tag> & ]]> \uD83D\uDE80";
        String xml = "<r a=\"" + XmlText.escape(hostile) + "\">" + XmlText.escape(hostile) + "</r>";
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(xml)));
        assertEquals(document.getDocumentElement().getAttribute("a"), document.getDocumentElement().getTextContent());
    }
}
