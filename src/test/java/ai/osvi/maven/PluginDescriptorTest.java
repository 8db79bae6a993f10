package ai.osvi.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** What {@code mvn help:describe -Dplugin=ai.osvi:osvi-maven-plugin -Ddetail} prints, read where it reads it. */
class PluginDescriptorTest {

    /**
     * maven-help-plugin's describe goal runs each description of plugin.xml through an HTML-to-text conversion,
     * although maven-plugin-plugin (3.7 and later) already writes plain text there: whatever reads as a tag
     * ({@code <id>}) or an entity is lost on the way, so {@code campaign-<id>.json} printed as {@code campaign-.json}.
     */
    private static final Pattern LOST_BY_HELP_DESCRIBE = Pattern.compile("<[A-Za-z/!?]|&[A-Za-z#][A-Za-z0-9]*;");

    private static List<Element> awaitCampaignParameters() throws Exception {
        Element plugin = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new File("target/classes/META-INF/maven/plugin.xml"))
                .getDocumentElement();
        NodeList mojos = plugin.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            if (text(mojo, "goal").equals("await-campaign")) {
                NodeList parameters = mojo.getElementsByTagName("parameter");
                List<Element> all = new ArrayList<>();
                for (int j = 0; j < parameters.getLength(); j++) {
                    all.add((Element) parameters.item(j));
                }
                return all;
            }
        }
        throw new AssertionError("no await-campaign mojo in plugin.xml");
    }

    private static String text(Element parent, String child) {
        NodeList nodes = parent.getElementsByTagName(child);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent();
    }

    @Test
    void help_describe_should_show_every_parameter_description_whole() throws Exception {
        List<Element> parameters = awaitCampaignParameters();

        assertThat(parameters)
                .hasSizeGreaterThan(20)
                .allSatisfy(parameter -> assertThat(text(parameter, "description"))
                        .as(text(parameter, "name"))
                        .doesNotContainPattern(LOST_BY_HELP_DESCRIBE));
        assertThat(parameters)
                .filteredOn(parameter -> text(parameter, "name").equals("reportDirectory"))
                .singleElement()
                .satisfies(parameter -> assertThat(text(parameter, "description"))
                        .startsWith("Where the reports are written: campaign-ID.json and the JUnit XML"
                                + " TEST-osvi-campaign-ID.xml, ID being the campaign's id"));
    }
}
