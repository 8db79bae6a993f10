package ai.osvi.gate.report.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class XmlWriterTest {

    private static Element parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
    }

    @Test
    void markup_in_values_should_survive_a_parser_as_written() throws Exception {
        String nasty = "a < b && c > \"d\" 'e' ]]> \t tab";
        String xml = new XmlWriter()
                .start("suite")
                .attribute("name", nasty)
                .text(nasty)
                .end()
                .toString();

        Element suite = parse(xml);
        assertThat(suite.getAttribute("name")).isEqualTo(nasty);
        assertThat(suite.getTextContent()).isEqualTo(nasty);
    }

    @Test
    void line_breaks_in_attributes_should_not_become_spaces() throws Exception {
        String xml = new XmlWriter()
                .start("failure")
                .attribute("message", "line 1\nline 2\r\nline 3")
                .end()
                .toString();

        assertThat(parse(xml).getAttribute("message")).isEqualTo("line 1\nline 2\r\nline 3");
    }

    @Test
    void characters_xml_cannot_carry_should_be_replaced_so_the_file_stays_parsable() throws Exception {
        String fromApi = "June\u0001 Renewals\u0000 \uD800 \uFFFF end";
        String xml = new XmlWriter()
                .start("suite")
                .attribute("name", fromApi)
                .text(fromApi)
                .end()
                .toString();

        Element suite = parse(xml);
        assertThat(suite.getAttribute("name")).isEqualTo("June\uFFFD Renewals\uFFFD \uFFFD \uFFFD end");
        assertThat(suite.getTextContent()).isEqualTo("June\uFFFD Renewals\uFFFD \uFFFD \uFFFD end");
    }

    @Test
    void characters_beyond_the_basic_plane_should_be_kept() throws Exception {
        String emoji = "gate \uD83D\uDE80 ok";
        assertThat(parse(new XmlWriter().start("s").attribute("n", emoji).end().toString())
                        .getAttribute("n"))
                .isEqualTo(emoji);
    }

    @Test
    void empty_elements_should_close_themselves_and_nesting_should_be_kept() throws Exception {
        String xml = new XmlWriter()
                .start("a")
                .start("b")
                .end()
                .start("c")
                .text("x")
                .end()
                .end()
                .toString();

        assertThat(xml).endsWith("<a><b/><c>x</c></a>");
        assertThat(parse(xml).getElementsByTagName("c").item(0).getTextContent())
                .isEqualTo("x");
    }
}
